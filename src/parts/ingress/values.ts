import { componentValueSchema } from '../components/values.ts';
import type { ChartModel } from '../../model.ts';
import { group, leaf, type ValueNode, type ValueSection } from '../../chart/values-tree.ts';
import { bool, pattern, stringMap } from '../../chart/schemas.ts';
import { HOSTNAME, HTTP_PATH, OBJECT_NAME } from '../../validators.ts';

/** The part's section of values.yaml. */
export const values = (model: ChartModel): ValueSection[] => (model.ingress.enabled ? [{ title: 'Ingress', nodes: nodes(model) }] : []);

function nodes(model: ChartModel): ValueNode[] {
  const { ingress } = model;
  return [
    group('ingress', 'The Ingress for the Service', [
      leaf('enabled', true, bool, 'Create the Ingress'),
      leaf('className', ingress.className, pattern(OBJECT_NAME, true), "IngressClass name; empty means the cluster's default class"),
      leaf('annotations', ingress.annotations, stringMap, 'Ingress annotations'),
      leaf('hosts', [{
        host: ingress.host,
        paths: [{ path: ingress.path, pathType: ingress.pathType }, ...ingress.routes.map(({ path, component }) => ({ path, pathType: 'Prefix', component }))],
      }], {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['host', 'paths'],
          properties: {
            host: pattern(HOSTNAME),
            paths: {
              type: 'array',
              minItems: 1,
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['path'],
                properties: {
                  path: pattern(HTTP_PATH),
                  pathType: { enum: ['Prefix', 'Exact', 'ImplementationSpecific'] },
                  ...(model.components.length ? { component: componentValueSchema } : {}),
                },
              },
            },
          },
        },
      }, 'Hosts and paths routed to the Service'),
      group('tls', 'TLS with a certificate that cert-manager issues (its ingress-shim reads the annotation)', [
        leaf('enabled', ingress.tls.enabled, bool, 'Serve TLS for every host'),
        leaf('issuer', ingress.tls.issuer, pattern(OBJECT_NAME, true), model.acmeIssuer.enabled ? "cert-manager issuer name; empty: the chart's own ACME issuer" : 'cert-manager issuer name'),
        leaf('issuerKind', ingress.tls.issuerKind, { enum: ['ClusterIssuer', 'Issuer'] }, 'Kind of the issuer'),
        leaf('secretName', '', pattern(OBJECT_NAME, true), 'Secret that holds the certificate; empty means <fullname>-tls'),
      ]),
    ]),
  ];
}
