import type { Answers, ChartModel } from '../model.ts';
import type { ModelContext } from '../parts/part.ts';
import type { KindTraits } from './kind.ts';
import type { WorkloadKind } from './names.ts';

export const DEFAULT_KIND: WorkloadKind = 'Deployment';

export interface WorkloadModel extends KindTraits {
  replicas: number;
  schedule: string;
  timeZone: string;
  livenessCommand: string[];
  command: string[];
  args: string[];
  /** A long-running kind without a port: no Service, an exec liveness probe. */
  worker: boolean;
}

export const model = ({ workload = {}, service }: Answers, { kind }: ModelContext): Pick<ChartModel, 'workload'> => ({
  workload: {
    kind: kind.kind,
    replicas: workload.replicas ?? 1,
    schedule: workload.schedule ?? '',
    // Only a CronJob has a schedule, and so a time zone.
    timeZone: workload.timeZone ?? (kind.kind === 'CronJob' ? 'Etc/UTC' : ''),
    livenessCommand: workload.livenessCommand ?? [],
    command: workload.command ?? [],
    args: workload.args ?? [],
    longRunning: kind.longRunning,
    replicated: kind.replicated,
    worker: kind.longRunning && (service?.port ?? 0) === 0,
  },
});
