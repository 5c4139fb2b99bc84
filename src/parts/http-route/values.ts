import { componentValueSchema } from '../components/values.ts';
import type { ChartModel } from '../../model.ts';
import { group, leaf, type ValueNode, type ValueSection } from '../../chart/values-tree.ts';
import { bool, k8s, int, pattern, str, stringMap } from '../../chart/schemas.ts';
import { HOSTNAME, OBJECT_NAME } from '../../validators.ts';

/** The part's section of values.yaml. */
export const values = (model: ChartModel): ValueSection[] => (model.httpRoute.enabled ? [{ title: 'Gateway API', nodes: nodes(model) }] : []);

function nodes(model: ChartModel): ValueNode[] {
  const route = model.httpRoute;
  const own = route.gateway.create;
  const nodes: ValueNode[] = [
    leaf('enabled', true, bool, 'Create the HTTPRoute (gateway.networking.k8s.io/v1)'),
    leaf('annotations', {}, stringMap, 'HTTPRoute annotations'),
    leaf('parentRefs', route.parentRefs, {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: pattern(OBJECT_NAME),
          namespace: pattern(OBJECT_NAME),
          sectionName: pattern(OBJECT_NAME),
          group: str,
          kind: str,
          port: int(1, 65535),
        },
      },
    }, own ? "Shared Gateways to attach to as well; the chart's own Gateway is always attached" : 'The shared Gateway(s) the route attaches to; the platform owns them and their TLS'),
    leaf('hostnames', route.hostnames, { type: 'array', minItems: 1, items: pattern(HOSTNAME) }, 'Host names the route serves'),
    leaf('rules', [
      { matches: [{ path: { type: 'PathPrefix', value: route.path } }] },
      ...route.routes.map(({ path, component }) => ({ matches: [{ path: { type: 'PathPrefix', value: path } }], component })),
    ], {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          matches: { type: 'array', items: { type: 'object' } },
          filters: { type: 'array', items: { type: 'object' } },
          ...(model.components.length ? { component: componentValueSchema } : {}),
        },
      },
    }, 'Route rules (matches, filters); each sends its traffic to the Service'),
  ];
  if (own) {
    nodes.push(
      group('gateway', "The chart's own Gateway: an HTTPS listener per host name with a certificate from cert-manager, and an HTTP listener that redirects to HTTPS", [
        leaf('create', true, bool, 'Create the Gateway'),
        leaf('className', route.gateway.className, pattern(OBJECT_NAME), 'Its gatewayClassName'),
        leaf('issuer', route.gateway.issuer, pattern(OBJECT_NAME, model.acmeIssuer.enabled), model.acmeIssuer.enabled ? "cert-manager issuer of the listener certificates; empty: the chart's own ACME issuer" : 'cert-manager issuer of the listener certificates (needs cert-manager with Gateway API support on)'),
        leaf('issuerKind', route.gateway.issuerKind, { enum: ['ClusterIssuer', 'Issuer'] }, 'Kind of the issuer'),
      ]),
    );
  }
  return [group('httpRoute', 'Gateway API routing to the Service', nodes)];
}
