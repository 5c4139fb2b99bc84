import { choice, command, integer, object, optional, Type } from '../answers/fields.ts';
import { WORKLOAD_KINDS } from './traits.ts';
import { JOB_HOOKS } from './model.ts';

export const workloadAnswers = {
  workload: optional(
    object(
      {
        kind: optional(choice(WORKLOAD_KINDS, 'Workload kind (default Deployment)')),
        replicas: optional(integer(0, 1000, 'Pod count, for Deployment and StatefulSet (default 1)')),
        schedule: optional(Type.String({ minLength: 1, description: 'CronJob schedule in cron syntax' })),
        timeZone: optional(Type.String({ minLength: 1, description: 'CronJob time zone (IANA name, default Etc/UTC)' })),
        livenessCommand: optional(command("A worker's liveness check: a command run in the container")),
        command: optional(command("The container's command (default: the image's entrypoint)")),
        args: optional(command("The container's arguments (default: the image's command)")),
        hook: optional(choice(JOB_HOOKS, "A Job's Helm hook: post-install,post-upgrade (default: after the release's objects), or pre-install,pre-upgrade (before them, for a migration)")),
      },
      'What runs the pods',
    ),
  ),
};
