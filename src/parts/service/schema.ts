import { choice, integer, map, object, optional, Type } from '../../answers/fields.ts';
import { SERVICE_TYPES } from '../../answers/choices.ts';
import { SERVICE_PROTOCOLS } from '../../protocols.ts';
import { ANNOTATION_KEY } from '../../validators.ts';

/** Annotations of an object the chart renders (the Service, the Ingress). */
export const annotations = () => map(ANNOTATION_KEY, Type.String(), 'Annotations, name to value');

export const serviceAnswers = {
  service: optional(
    object(
      {
        port: optional(integer(1, 65535, 'The container port; long-running kinds get a Service on it')),
        servicePort: optional(integer(1, 65535, "The Service's port, e.g. 80 in front of container port 8080 (default: service.port)")),
        protocol: optional(choice(SERVICE_PROTOCOLS, "The app's protocol (default http): the port's name and appProtocol say it to meshes and gateways")),
        type: optional(choice(SERVICE_TYPES, 'Service type (default ClusterIP)')),
        annotations: optional(annotations()),
      },
      'The Service in front of the pods',
    ),
  ),
};
