// The workload kinds, one module each, all of one shape.
import type { WorkloadKind } from '../model.ts';
import type { WorkloadModule } from './kind.ts';
import type { Part } from '../parts/part.ts';
import { deployment } from './deployment.ts';
import { statefulSet } from './statefulset.ts';
import { daemonSet } from './daemonset.ts';
import { job } from './job.ts';
import { cronJob } from './cronjob.ts';
import { model } from './model.ts';
import { workloadRules } from './rules.ts';

export const WORKLOAD_MODULES: readonly WorkloadModule[] = [deployment, statefulSet, daemonSet, job, cronJob];

export function workloadModule(kind: WorkloadKind): WorkloadModule {
  const found = WORKLOAD_MODULES.find((module) => module.kind === kind);
  if (!found) throw new Error(`k8s-chart: no module for workload kind ${kind}`);
  return found;
}

/** The workload as a part: the chosen kind's rules, values section and templates. */
export const workload: Part = {
  name: 'workload',

  model,
  rules: workloadRules,

  values: (model) => [{ title: model.workload.kind, nodes: workloadModule(model.workload.kind).values(model) }],

  files: WORKLOAD_MODULES.flatMap((module) =>
    module.files.map((file) => ({
      path: file.path,
      when: (model) => model.workload.kind === module.kind && (file.when?.(model) ?? true),
    })),
  ),
};
