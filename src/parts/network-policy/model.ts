import type { Answers, ChartModel, NetworkPolicyPeer } from '../../model.ts';
import type { IngressControllerName } from '../../controllers.ts';

export interface NetworkPolicyModel {
  enabled: boolean;
  /** The namespace of the proxies, as answered; empty: the controller's, else unknown. */
  ingressNamespace: string;
  ingressController?: IngressControllerName;
  /** Peers as answered: they replace every other source. */
  ingressFrom?: NetworkPolicyPeer[];
}

export const model = ({ networkPolicy = {} }: Answers): Pick<ChartModel, 'networkPolicy'> => ({
  networkPolicy: {
    enabled: networkPolicy.enabled ?? true,
    ingressNamespace: networkPolicy.ingressNamespace ?? '',
    ...(networkPolicy.ingressController ? { ingressController: networkPolicy.ingressController } : {}),
    ...(networkPolicy.ingressFrom ? { ingressFrom: networkPolicy.ingressFrom } : {}),
  },
});
