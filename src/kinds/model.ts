import type { Answers, ChartModel } from '../model.ts';
import type { ModelContext } from '../parts/part.ts';
import { kindTraits, type KindTraits } from './traits.ts';

export interface WorkloadModel extends KindTraits {
  replicas: number;
  schedule: string;
  timeZone: string;
  livenessCommand: string[];
  command: string[];
  args: string[];
  /** A long-running kind without a port: no Service, an exec liveness probe. */
  worker: boolean;
  /** A hook kind's Helm hook phases; empty for the other kinds. */
  hookPhase: JobHook | '';
}

/** When a Job runs: after the release's objects exist (the default), or before them (a migration
 * that must finish before the new pods start). */
export const JOB_HOOKS = ['post-install,post-upgrade', 'pre-install,pre-upgrade'] as const;
export type JobHook = (typeof JOB_HOOKS)[number];

export const model = ({ workload = {}, service }: Answers, { kind }: ModelContext): Pick<ChartModel, 'workload'> => ({
  workload: {
    ...kindTraits(kind.kind),
    replicas: workload.replicas ?? 1,
    schedule: workload.schedule ?? '',
    // Only a scheduled kind has a schedule, and so a time zone.
    timeZone: workload.timeZone ?? (kind.scheduled ? 'Etc/UTC' : ''),
    livenessCommand: workload.livenessCommand ?? [],
    command: workload.command ?? [],
    args: workload.args ?? [],
    worker: kind.longRunning && (service?.port ?? 0) === 0,
    hookPhase: kind.hook ? (workload.hook ?? JOB_HOOKS[0]) : '',
  },
});
