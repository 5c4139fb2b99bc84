// The rules of the workload kind: what the chosen kind needs (a CronJob's schedule, a worker's
// liveness command) and which answers only some kinds take.
import type { RuleContext } from '../parts/part.ts';
import type { Problem } from '../answers/problem.ts';
import { kindNames } from './traits.ts';
import { validateSchedule, validateTimeZone } from './schedule.ts';

export function workloadRules({ given, kind }: RuleContext): Problem[] {
  const problems: Problem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  const workload = given.workload ?? {};
  const scheduled = kindNames((traits) => traits.scheduled);
  if (kind.scheduled && workload.schedule === undefined) problem('workload.schedule', `required when workload.kind is ${kind.kind}`);
  if (!kind.scheduled) {
    for (const key of ['schedule', 'timeZone'] as const) {
      if (workload[key] !== undefined) problem(`workload.${key}`, `only for workload.kind ${scheduled}, not ${kind.kind}`);
    }
  }
  if (kind.scheduled && typeof workload.schedule === 'string') {
    const schedule = validateSchedule(workload.schedule);
    if (schedule !== true) problem('workload.schedule', schedule);
  }
  if (kind.scheduled && typeof workload.timeZone === 'string') {
    const zone = validateTimeZone(workload.timeZone);
    if (zone !== true) problem('workload.timeZone', zone);
  }
  const worker = kind.longRunning && given.service?.port === undefined;
  if (worker && workload.livenessCommand === undefined) {
    problem(
      'workload.livenessCommand',
      `required for a worker (a ${kind.kind} without service.port): the command that tells it is alive, e.g. [/app/healthcheck]`,
    );
  }
  if (!worker && workload.livenessCommand !== undefined) {
    problem(
      'workload.livenessCommand',
      kind.longRunning ? 'only for a worker: with service.port the probes check the port' : `only for a worker, not a ${kind.kind}`,
    );
  }
  if (!kind.replicated && workload.replicas !== undefined) problem('workload.replicas', onlyReplicated(kind));
  return problems;
}

/** A replica count, for the kinds that have one: used by the workload and by autoscaling. */
export const onlyReplicated = (kind: RuleContext['kind']) =>
  `only for workload.kind ${kindNames((traits) => traits.replicated)}, not ${kind.kind}`;
