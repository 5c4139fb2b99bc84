import type { RuleContext } from '../part.ts';
import type { Problem } from '../../answers/problem.ts';
import { kindNames } from '../../kinds/traits.ts';
import { validateIngressPath } from '../../paths.ts';
import { hasService } from '../service/rules.ts';

/** What a route to the pods needs first, for Ingress and HTTPRoute alike. */
export const needsService = () => `needs a Service: set service.port on a ${kindNames((traits) => traits.longRunning)}`;

export function ingressRules(context: RuleContext): Problem[] {
  const { given } = context;
  const ingress = given.ingress ?? {};
  if (ingress.enabled !== true) return [];
  const problems: Problem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  if (ingress.host === undefined) problem('ingress.host', 'required when ingress.enabled is true');
  if (!hasService(context)) problem('ingress.enabled', needsService());
  if (typeof ingress.path === 'string') {
    const path = validateIngressPath(ingress.path, ingress.pathType);
    if (path !== true) problem('ingress.path', path);
  }
  if (ingress.tls?.enabled === true && ingress.tls.issuer === undefined && given.acmeIssuer === undefined) {
    problem('ingress.tls.issuer', 'required when ingress.tls.enabled is true (a cert-manager issuer name), unless acmeIssuer is set');
  }
  return problems;
}
