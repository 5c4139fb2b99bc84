import { kindTraits } from './traits.ts';
import type { WorkloadModule } from './kind.ts';
import { group, leaf, type ValueNode } from '../chart/values-tree.ts';
import { int } from '../chart/schemas.ts';

/** The settings of the Job itself, shared by a Job and a CronJob's job template. */
export function jobValues(ttlSecondsAfterFinished: number, limits: { backoffLimit: number; activeDeadlineSeconds: number; notes: string[] }): ValueNode {
  return group('job', 'The Job', [
    leaf('completions', 1, int(1), 'Successful pods needed to finish'),
    leaf('parallelism', 1, int(0), 'Pods running at once'),
    leaf('backoffLimit', limits.backoffLimit, int(0), 'Retries before the Job fails (Kubernetes waits 10 s, 20 s, 40 s, ... between them)'),
    leaf('activeDeadlineSeconds', limits.activeDeadlineSeconds, int(0), 'Seconds the Job may run, retries included, before it is stopped (0: no limit)', limits.notes),
    leaf('ttlSecondsAfterFinished', ttlSecondsAfterFinished, int(0), 'Seconds a finished Job is kept, with its pods and logs, before Kubernetes deletes it (0: no TTL)'),
    leaf('restartPolicy', 'Never', { enum: ['Never', 'OnFailure'] }, 'Never: a failed pod is replaced (its logs stay); OnFailure: its container restarts in place'),
  ]);
}

export const job: WorkloadModule = {
  ...kindTraits('Job'),
  files: [{ path: 'templates/job.yaml' }],
  values: () => [
    jobValues(86400, {
      backoffLimit: 3,
      activeDeadlineSeconds: 240,
      notes: [
        "Below Helm's default --timeout of 300 s, which the hook Job must finish within: a hung or failing run",
        'fails the Job, not the wait. A longer run needs both raised (--timeout 15m, activeDeadlineSeconds 840).',
      ],
    }),
  ],
};
