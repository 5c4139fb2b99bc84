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
}

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
  },
});
