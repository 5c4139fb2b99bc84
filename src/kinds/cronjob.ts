import { kindTraits } from './traits.ts';
import type { WorkloadModule } from './kind.ts';
import { group, leaf } from '../chart/values-tree.ts';
import { bool, cronSchedule, int, str } from '../chart/schemas.ts';
import { jobValues } from './job.ts';

export const cronJob: WorkloadModule = {
  ...kindTraits('CronJob'),
  files: [{ path: 'templates/cronjob.yaml' }],
  values: (model) => [
    group('cronjob', 'When the Job runs', [
      leaf('schedule', model.workload.schedule, cronSchedule, 'Schedule in cron syntax (five fields, or @hourly, @daily, @every 1h, ...)'),
      leaf('timeZone', model.workload.timeZone, { ...str, minLength: 1 }, 'IANA time zone of the schedule (batch/v1 timeZone, GA since Kubernetes 1.27)'),
      leaf('concurrencyPolicy', 'Forbid', { enum: ['Forbid', 'Allow', 'Replace'] }, 'What happens when a run is due while the last one still runs'),
      leaf('startingDeadlineSeconds', 0, int(0), 'Seconds a missed run may still start late (0: no deadline)'),
      leaf('successfulJobsHistoryLimit', 3, int(0), 'Finished Jobs kept'),
      leaf('failedJobsHistoryLimit', 1, int(0), 'Failed Jobs kept'),
      leaf('suspend', false, bool, 'Pause the schedule'),
    ]),
    jobValues(0, {
      backoffLimit: 6,
      activeDeadlineSeconds: 3600,
      notes: ['A hung run would otherwise block every later run under concurrencyPolicy Forbid; raise it for longer runs.'],
    }),
  ],
};
