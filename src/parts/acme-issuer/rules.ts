import type { RuleContext } from '../part.ts';
import type { Problem } from '../../answers/problem.ts';

const HTTP01_WILDCARD =
  "is a wildcard, and the chart's acmeIssuer solves HTTP-01, which cannot issue wildcards (only DNS-01 can)";

export function acmeIssuerRules(context: RuleContext): Problem[] {
  const { given } = context;
  if (given.acmeIssuer === undefined) return [];
  const problems = wildcardProblems(context);
  const ingress = given.ingress ?? {};
  const usesTls = (ingress.enabled === true && ingress.tls?.enabled === true) || given.httpRoute?.gateway?.create === true;
  if (!usesTls) {
    problems.push({ path: 'acmeIssuer', message: 'nothing would use it: it issues for ingress.tls or an own Gateway (httpRoute.gateway.create)' });
  }
  return problems;
}

/** A wildcard host whose certificate would come from the chart's own HTTP-01 issuer. */
function wildcardProblems({ given }: RuleContext): Problem[] {
  const problems: Problem[] = [];
  const ingress = given.ingress;
  if (ingress?.enabled === true && ingress.tls?.enabled === true && ingress.tls.issuer === undefined && typeof ingress.host === 'string' && ingress.host.startsWith('*.')) {
    problems.push({ path: 'ingress.host', message: `${HTTP01_WILDCARD}: set ingress.tls.issuer to a DNS-01 issuer` });
  }
  const route = given.httpRoute;
  if (route?.enabled === true && route.gateway?.create === true && route.gateway.tls?.issuer === undefined && Array.isArray(route.hostnames)) {
    route.hostnames.forEach((host, i) => {
      if (typeof host === 'string' && host.startsWith('*.')) {
        problems.push({ path: `httpRoute.hostnames[${i}]`, message: `${HTTP01_WILDCARD}: set httpRoute.gateway.tls.issuer to a DNS-01 issuer` });
      }
    });
  }
  return problems;
}
