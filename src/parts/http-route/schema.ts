import { boolean, issuerFields, object, optional, text, Type } from '../../answers/fields.ts';
import { HOSTNAME, HTTP_PATH, NAMESPACE, OBJECT_NAME } from '../../validators.ts';
import { routes } from '../components/schema.ts';

/** A shared Gateway the route attaches to. */
export const parentRef = object(
  {
    name: text(OBJECT_NAME, 'Gateway name'),
    namespace: optional(text(NAMESPACE, "Gateway namespace (default: the release's)")),
    sectionName: optional(text(OBJECT_NAME, 'Listener of the Gateway')),
  },
  'A Gateway',
);

/** The gateway part's answers: httpRoute.gateway. */
const gateway = object(
  {
    create: optional(boolean('Create a Gateway of the chart instead of attaching to a shared one')),
    className: optional(text(OBJECT_NAME, 'Its gatewayClassName')),
    tls: optional(object(issuerFields(), 'Its HTTPS listeners get certificates that cert-manager issues')),
  },
  'A Gateway of the chart',
);

export const httpRouteAnswers = {
  httpRoute: optional(
    object(
      {
        enabled: optional(boolean('Route traffic to the Service with a Gateway API HTTPRoute')),
        hostnames: optional(Type.Array(text(HOSTNAME, 'A host name'), { minItems: 1, uniqueItems: true, description: 'Host names the route serves' })),
        path: optional(text(HTTP_PATH, 'Path prefix the route matches (default /)')),
        routes: optional(routes('More path prefixes, each sent to a component (its Service)')),
        parentRefs: optional(Type.Array(parentRef, { minItems: 1, description: 'The shared Gateway(s) the route attaches to' })),
        gateway: optional(gateway),
      },
      'Gateway API routing, beside or instead of an Ingress',
    ),
  ),
};
