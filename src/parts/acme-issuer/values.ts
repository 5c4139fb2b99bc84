import type { ChartModel } from '../../model.ts';
import { group, leaf, type ValueNode, type ValueSection } from '../../chart/values-tree.ts';
import { bool, pattern } from '../../chart/schemas.ts';
import { EMAIL } from '../../validators.ts';

/** The part's section of values.yaml. */
export const values = (model: ChartModel): ValueSection[] => (model.acmeIssuer.enabled ? [{ title: 'cert-manager', nodes: nodes(model) }] : []);

function nodes(model: ChartModel): ValueNode[] {
  const { acmeIssuer } = model;
  return [
    group('acmeIssuer', "An ACME issuer of the chart's own, solving HTTP-01 through the chart's Ingress or Gateway; used where TLS names no issuer", [
      leaf('create', true, bool, 'Create the issuer'),
      leaf('kind', acmeIssuer.kind, { enum: ['Issuer', 'ClusterIssuer'] }, 'Issuer (namespaced) or ClusterIssuer (named after the release and namespace, so releases never collide)'),
      leaf('email', acmeIssuer.email, pattern(EMAIL), 'Contact e-mail of the ACME account'),
      leaf('server', acmeIssuer.server, { type: 'string', pattern: '^https://' }, 'ACME directory URL; try https://acme-staging-v02.api.letsencrypt.org/directory first'),
    ]),
  ];
}
