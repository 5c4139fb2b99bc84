import type { RuleContext } from '../part.ts';
import type { Problem } from '../../answers/problem.ts';
import { INGRESS_CONTROLLERS, type IngressController, type IngressControllerName } from '../../controllers.ts';

/** A controller that cannot be the source of the chart's Ingress or route traffic. */
export function networkPolicyRules({ given }: RuleContext): Problem[] {
  const policy = given.networkPolicy ?? {};
  const name = policy.ingressController;
  if (typeof name !== 'string' || !Object.hasOwn(INGRESS_CONTROLLERS, name) || policy.ingressFrom !== undefined || policy.ingressNamespace !== undefined) return [];
  const controller: IngressController = INGRESS_CONTROLLERS[name as IngressControllerName];
  const problems: Problem[] = [];
  if (given.ingress?.enabled === true && !controller.ingress) {
    problems.push({ path: 'networkPolicy.ingressController', message: `${name} serves no Ingress objects (ingress.enabled is true): set networkPolicy.ingressFrom to the sources of both` });
  }
  if (given.httpRoute?.enabled === true && !controller.gateway) {
    problems.push({ path: 'networkPolicy.ingressController', message: `${name} implements no Gateway API (httpRoute.enabled is true): set networkPolicy.ingressFrom to the sources of both` });
  }
  if (given.ingress?.enabled !== true && given.httpRoute?.enabled !== true) {
    problems.push({ path: 'networkPolicy.ingressController', message: 'only with ingress.enabled or httpRoute.enabled: nothing routes traffic to the pods' });
  }
  return problems;
}
