import type { RuleContext } from '../part.ts';
import type { Problem } from '../../answers/problem.ts';
import { validateRoutePath } from '../../paths.ts';
import { hasService } from '../service/rules.ts';
import { needsService } from '../ingress/rules.ts';

export function httpRouteRules(context: RuleContext): Problem[] {
  const route = context.given.httpRoute;
  if (route === undefined || route.enabled !== true) return [];
  const problems: Problem[] = [];
  if (!hasService(context)) problems.push({ path: 'httpRoute.enabled', message: needsService() });
  if (route.hostnames === undefined) problems.push({ path: 'httpRoute.hostnames', message: 'required when httpRoute.enabled is true' });
  if (typeof route.path === 'string') {
    const path = validateRoutePath(route.path);
    if (path !== true) problems.push({ path: 'httpRoute.path', message: path });
  }
  if (route.gateway?.create !== true && route.parentRefs === undefined) {
    problems.push({ path: 'httpRoute.parentRefs', message: 'required unless httpRoute.gateway.create is true (the shared Gateway to attach to)' });
  }
  return problems;
}
