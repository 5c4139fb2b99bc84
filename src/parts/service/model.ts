import type { Answers, ChartModel } from '../../model.ts';
import type { ModelContext } from '../part.ts';
import type { ServiceType } from '../../answers/choices.ts';
import { portProtocol, type ServiceProtocol } from '../../protocols.ts';

/** Long-running pods that listen on a port get a Service; workers and batch kinds do not. */
export interface ServiceModel {
  enabled: boolean;
  /** The container port. */
  port: number;
  /** The Service's port; 0: the container port. */
  servicePort: number;
  protocol: ServiceProtocol;
  /** The port's name everywhere (container, Service, probes, NetworkPolicy): its protocol prefix. */
  portName: string;
  /** The Service port's appProtocol; empty for plain HTTP. */
  appProtocol: string;
  type: ServiceType;
  annotations: Record<string, string>;
}

export const model = ({ service = {} }: Answers, { kind }: ModelContext): Pick<ChartModel, 'service'> => {
  const port = service.port ?? 0;
  const { name, appProtocol } = portProtocol(service.protocol);
  return {
    service: {
      enabled: port > 0 && kind.longRunning,
      port,
      servicePort: service.servicePort ?? 0,
      protocol: service.protocol ?? 'http',
      portName: name,
      appProtocol: appProtocol ?? '',
      type: service.type ?? 'ClusterIP',
      annotations: service.annotations ?? {},
    },
  };
};
