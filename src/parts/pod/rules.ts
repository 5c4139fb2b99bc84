import type { RuleContext } from '../part.ts';
import type { Problem } from '../../answers/problem.ts';
import { hasService } from '../service/rules.ts';
import { quantityValue } from './resources.ts';

/** The probes: on the port of a Service; each type with its own fields. */
export function podRules(context: RuleContext): Problem[] {
  const { given, kind } = context;
  const problems: Problem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  if (given.probes !== undefined && !hasService(context)) {
    problem('probes', kind.longRunning ? 'only with service.port: a worker is checked by workload.livenessCommand' : `a ${kind.kind} runs to completion and gets no probes`);
  }
  for (const [name, probe] of Object.entries(given.probes ?? {})) {
    if (probe?.type === 'exec' && probe.command === undefined) problem(`probes.${name}.command`, 'required when type is exec');
    if (probe?.type !== 'http' && probe?.path !== undefined) problem(`probes.${name}.path`, 'only for type http');
    if (probe?.type !== 'exec' && probe?.command !== undefined) problem(`probes.${name}.command`, 'only for type exec');
    if (probe?.type !== 'grpc' && probe?.service !== undefined) problem(`probes.${name}.service`, 'only for type grpc');
  }
  // Kubernetes refuses a request above its limit.
  for (const resource of ['cpu', 'memory'] as const) {
    const request = given.resources?.requests?.[resource];
    const limit = given.resources?.limits?.[resource];
    if (request !== undefined && limit !== undefined && quantityValue(request) > quantityValue(limit)) {
      problem(`resources.requests.${resource}`, `${request} is more than resources.limits.${resource} ${limit}: Kubernetes refuses a request above its limit`);
    }
  }
  return problems;
}
