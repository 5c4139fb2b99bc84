import type { RuleContext } from '../part.ts';
import type { Problem } from '../../answers/problem.ts';

/** The chart's own Gateway (httpRoute.gateway.create): what it needs, and what it replaces. */
export function gatewayRules({ given }: RuleContext): Problem[] {
  const route = given.httpRoute;
  if (route === undefined || route.enabled !== true) return [];
  const problems: Problem[] = [];
  const create = route.gateway?.create === true;
  if (create && route.parentRefs !== undefined) {
    problems.push({ path: 'httpRoute.parentRefs', message: 'not with httpRoute.gateway.create: the route attaches to the chart\'s own Gateway' });
  }
  if (create && route.gateway?.className === undefined) {
    problems.push({ path: 'httpRoute.gateway.className', message: 'required when httpRoute.gateway.create is true (the GatewayClass, e.g. istio or cilium)' });
  }
  if (create && route.gateway?.tls?.issuer === undefined && given.acmeIssuer === undefined) {
    problems.push({ path: 'httpRoute.gateway.tls.issuer', message: 'required when httpRoute.gateway.create is true (the cert-manager issuer of its HTTPS listeners)' });
  }
  if (!create && route.gateway !== undefined && route.gateway.create !== false) {
    problems.push({ path: 'httpRoute.gateway', message: 'only with httpRoute.gateway.create: true' });
  }
  return problems;
}
