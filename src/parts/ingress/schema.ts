import { boolean, choice, issuerFields, object, optional, text } from '../../answers/fields.ts';
import { PATH_TYPES } from '../../answers/choices.ts';
import { HOSTNAME, HTTP_PATH, OBJECT_NAME } from '../../validators.ts';
import { routes } from '../components/schema.ts';
import { annotations } from '../service/schema.ts';

export const ingressAnswers = {
  ingress: optional(
    object(
      {
        enabled: optional(boolean('Expose the Service through an Ingress')),
        className: optional(text(OBJECT_NAME, "IngressClass name (default: none, the cluster's default class)")),
        host: optional(text(HOSTNAME, 'Host name the Ingress serves')),
        path: optional(text(HTTP_PATH, 'Path the Ingress routes (default /)')),
        pathType: optional(choice(PATH_TYPES, 'How the path matches (default Prefix)')),
        annotations: optional(annotations()),
        routes: optional(routes('More paths of the host, each sent to a component (its Service)')),
        tls: optional(
          object(
            { enabled: optional(boolean('Serve TLS with a certificate issued by cert-manager')), ...issuerFields() },
            'TLS with a certificate issued by cert-manager',
          ),
        ),
      },
      'An Ingress for the Service',
    ),
  ),
};
