import type { WorkloadModule } from './kind.ts';
import { group, leaf, type ValueNode } from '../chart/values-tree.ts';
import { int } from '../chart/schemas.ts';

/** The settings of the Job itself, shared by a Job and a CronJob's job template. */
export function jobValues(ttlSecondsAfterFinished: number): ValueNode {
  return group('job', 'The Job', [
    leaf('completions', 1, int(1), 'Successful pods needed to finish'),
    leaf('parallelism', 1, int(0), 'Pods running at once'),
    leaf('backoffLimit', 6, int(0), 'Retries before the Job fails'),
    leaf('activeDeadlineSeconds', 0, int(0), 'Seconds the Job may run before it is stopped (0: no limit)'),
    leaf('ttlSecondsAfterFinished', ttlSecondsAfterFinished, int(0), 'Seconds a finished Job is kept, with its pods and logs, before Kubernetes deletes it (0: no TTL)'),
    leaf('restartPolicy', 'Never', { enum: ['Never', 'OnFailure'] }, 'Never: a failed pod is replaced (its logs stay); OnFailure: its container restarts in place'),
  ]);
}

export const job: WorkloadModule = {
  kind: 'Job',
  files: [{ path: 'templates/job.yaml' }],
  values: () => [jobValues(86400)],
};
