// The rules of the workload kind: what the chosen kind needs (a CronJob's schedule, a worker's
// liveness command) and which answers only some kinds take.
import type { RuleContext } from '../parts/part.ts';
import type { Problem } from '../answers/problem.ts';
import { kindNames } from './traits.ts';
import { JOB_HOOKS } from './model.ts';
import { configOn } from '../parts/config/model.ts';
import { secretsOn } from '../parts/secrets/model.ts';
import { validateSchedule, validateTimeZone } from './schedule.ts';

export function workloadRules(context: RuleContext): Problem[] {
  const { given, kind } = context;
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
  if (!kind.hook && workload.hook !== undefined) problem('workload.hook', `only for workload.kind ${kindNames((traits) => traits.hook)}, not ${kind.kind}`);
  // The main Job reads the chart's own ConfigMap and Secret, which a pre-install hook runs before.
  if (kind.hook && workload.hook === JOB_HOOKS[1] && !context.component && (configOn(given) || secretsOn(given))) {
    problem(
      'workload.hook',
      `${JOB_HOOKS[1]} runs before the chart's ConfigMap and Secret exist: leave config and secrets out, or make the Job a component (components.<name>), which gets its own copy of the configuration`,
    );
  }
  return problems;
}

/** A replica count, for the kinds that have one: used by the workload and by autoscaling. */
export const onlyReplicated = (kind: RuleContext['kind']) =>
  `only for workload.kind ${kindNames((traits) => traits.replicated)}, not ${kind.kind}`;
