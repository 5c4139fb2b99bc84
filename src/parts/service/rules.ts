import type { RuleContext } from '../part.ts';
import type { Problem } from '../../answers/problem.ts';
import { PORT_PROTOCOLS, type ServiceProtocol } from '../../protocols.ts';

/** A Service, which Ingress, HTTPRoute and probes on the port need: a long-running kind with a port. */
export const hasService = ({ given, kind }: RuleContext): boolean => kind.longRunning && given.service?.port !== undefined;

export function serviceRules({ given, kind }: RuleContext): Problem[] {
  const problems: Problem[] = [];
  for (const key of ['servicePort', 'protocol'] as const) {
    if (kind.longRunning && given.service?.[key] !== undefined && given.service.port === undefined) {
      problems.push({ path: `service.${key}`, message: 'only with service.port (the container port): a worker listens on no port' });
    }
  }
  const protocol = given.service?.protocol;
  if (typeof protocol === 'string' && Object.hasOwn(PORT_PROTOCOLS, protocol) && !PORT_PROTOCOLS[protocol as ServiceProtocol].http) {
    for (const part of ['ingress', 'httpRoute'] as const) {
      if (given[part]?.enabled === true) {
        problems.push({ path: `${part}.enabled`, message: `routes HTTP, and service.protocol is ${protocol}: expose it with a LoadBalancer or NodePort service.type instead` });
      }
    }
  }
  if (!kind.longRunning && given.service !== undefined) {
    problems.push({ path: 'service', message: `a ${kind.kind} gets no Service: remove service, or choose a long-running workload.kind` });
  }
  return problems;
}
