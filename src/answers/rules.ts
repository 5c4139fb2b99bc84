// Rules that join several answers. Each names the field the user has to change and says why.
// They run after the schema passed, so every field has the type the schema promises.
import { LONG_RUNNING_KINDS, REPLICATED_KINDS, type Answers } from '../model.ts';

export interface Problem {
  path: string;
  message: string;
}

export function crossFieldProblems(answers: Answers): Problem[] {
  const problems: Problem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  const kind = answers.workload?.kind ?? 'Deployment';
  const longRunning = LONG_RUNNING_KINDS.includes(kind);
  const hasService = longRunning && answers.service?.port !== undefined;

  if (answers.image.tag === undefined && answers.image.digest === undefined && answers.appVersion === undefined) {
    problem('image.tag', 'required unless image.digest or appVersion is set');
  }

  const workload = answers.workload ?? {};
  if (kind === 'CronJob' && workload.schedule === undefined) {
    problem('workload.schedule', 'required when workload.kind is CronJob');
  }
  if (kind !== 'CronJob') {
    for (const key of ['schedule', 'timeZone'] as const) {
      if (workload[key] !== undefined) problem(`workload.${key}`, `only for workload.kind CronJob, not ${kind}`);
    }
  }
  if (!REPLICATED_KINDS.includes(kind) && workload.replicas !== undefined) {
    problem('workload.replicas', `only for workload.kind Deployment or StatefulSet, not ${kind}`);
  }

  if (!longRunning && answers.service !== undefined) {
    problem('service', `a ${kind} gets no Service: remove service, or choose a long-running workload.kind`);
  }

  const ingress = answers.ingress ?? {};
  if (ingress.enabled === true) {
    if (ingress.host === undefined) problem('ingress.host', 'required when ingress.enabled is true');
    if (!hasService) {
      problem('ingress.enabled', 'needs a Service: set service.port on a Deployment, StatefulSet or DaemonSet');
    }
    if (ingress.tls?.enabled === true && ingress.tls.issuer === undefined) {
      problem('ingress.tls.issuer', 'required when ingress.tls.enabled is true (a cert-manager issuer name)');
    }
  }

  const autoscaling = answers.autoscaling ?? {};
  if (autoscaling.enabled === true && !REPLICATED_KINDS.includes(kind)) {
    problem('autoscaling.enabled', `only for workload.kind Deployment or StatefulSet, not ${kind}`);
  }
  const min = autoscaling.minReplicas ?? 2;
  const max = autoscaling.maxReplicas ?? 10;
  if (min > max) {
    const path = autoscaling.minReplicas !== undefined ? 'autoscaling.minReplicas' : 'autoscaling.maxReplicas';
    problem(path, `autoscaling.minReplicas (${min}) must not exceed autoscaling.maxReplicas (${max})`);
  }
  return problems;
}
