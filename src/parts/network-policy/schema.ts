import { anyObject, boolean, choice, object, optional, text, Type } from '../../answers/fields.ts';
import { INGRESS_CONTROLLER_NAMES } from '../../controllers.ts';
import { NAMESPACE } from '../../validators.ts';

/** A NetworkPolicyPeer, passed on as given: at least one of its three fields. */
export const networkPolicyPeer = Type.Object(
  {
    namespaceSelector: optional(anyObject('Namespaces by label')),
    podSelector: optional(anyObject('Pods by label')),
    ipBlock: optional(
      Type.Object(
        {
          cidr: Type.String({ description: 'e.g. 10.0.0.0/8' }),
          except: optional(Type.Array(Type.String(), { description: 'CIDRs left out' })),
        },
        { description: 'Addresses: {cidr, except}' },
      ),
    ),
  },
  { description: 'A NetworkPolicyPeer', additionalProperties: false, minProperties: 1 },
);

export const networkPolicyAnswers = {
  networkPolicy: optional(
    object(
      {
        enabled: optional(boolean('A NetworkPolicy that admits traffic only on the service port (default true)')),
        ingressNamespace: optional(
          text(NAMESPACE, "Namespace of the ingress controller's or gateway's proxies that may reach the pods (default: the controller's)"),
        ),
        ingressController: optional(
          choice(
            INGRESS_CONTROLLER_NAMES,
            'The controller whose proxies send the Ingress and Gateway traffic; the NetworkPolicy admits them where they run by default',
          ),
        ),
        ingressFrom: optional(
          Type.Array(networkPolicyPeer, {
            minItems: 1,
            description: 'The sources of that traffic, as NetworkPolicyPeer objects; they replace ingressNamespace and ingressController',
          }),
        ),
      },
      'The NetworkPolicy of the pods',
    ),
  ),
};
