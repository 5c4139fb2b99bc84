// The workload's questions: its kind, a CronJob's schedule, the replicas, and a worker's liveness
// command. What the kind rules out goes when the kind changes at the review.
import { DEFAULT_KIND, WORKLOAD_KINDS, findKind, type WorkloadKind } from './traits.ts';
import type { Answers } from '../model.ts';
import { splitWords, type QuestionStep } from '../prompts.ts';
import { integerCheck } from '../validators.ts';
import { validateSchedule, validateTimeZone } from './schedule.ts';

type Workload = NonNullable<Answers['workload']>;
const workloadOf = (answers: Partial<Answers>): Workload => answers.workload ?? {};

/** The kind is asked first: every later step reads it (a kind is always set once asked). */
export const kindQuestions: QuestionStep = {
  async ask({ answers, again, select }) {
    const workload = workloadOf(answers);
    if (workload.kind === undefined || again('workload and scaling')) {
      workload.kind = (await select('kind', 'Workload kind', WORKLOAD_KINDS, workload.kind ?? DEFAULT_KIND)) as WorkloadKind;
    }
    answers.workload = workload;
  },
};

const traitsOf = (answers: Partial<Answers>) => findKind(workloadOf(answers).kind);
export const isLongRunning = (answers: Partial<Answers>) => traitsOf(answers)?.longRunning === true;
export const isReplicated = (answers: Partial<Answers>) => traitsOf(answers)?.replicated === true;

export const scheduleQuestions: QuestionStep = {
  applies: (answers) => traitsOf(answers)?.scheduled === true,
  forget(answers) {
    delete answers.workload?.schedule;
    delete answers.workload?.timeZone;
  },
  async ask({ answers, again, input }) {
    const workload = workloadOf(answers);
    if (workload.schedule === undefined || again('workload and scaling')) {
      workload.schedule = await input('schedule', 'Schedule (cron syntax, e.g. */15 * * * *)', validateSchedule, workload.schedule);
    }
    if (workload.timeZone === undefined || again('workload and scaling')) {
      workload.timeZone = await input('timeZone', 'Time zone of the schedule (IANA name)', validateTimeZone, workload.timeZone ?? 'Etc/UTC');
    }
  },
};

/** A fixed number of replicas, unless a HorizontalPodAutoscaler (asked before) decides them. */
export const replicasQuestions: QuestionStep = {
  applies: isReplicated,
  forget(answers) {
    delete answers.workload?.replicas;
  },
  async ask({ answers, again, input }) {
    const workload = workloadOf(answers);
    if (answers.autoscaling?.enabled !== true && (workload.replicas === undefined || again('workload and scaling'))) {
      workload.replicas = Number(await input('replicas', 'Replicas', integerCheck(0, 1000), String(workload.replicas ?? 1)));
    }
  },
};

/** A long-running workload without a port is a worker: it is checked by a command instead. */
export const livenessCommandQuestions: QuestionStep = {
  applies: (answers) => isLongRunning(answers) && answers.service?.port === undefined,
  forget(answers) {
    delete answers.workload?.livenessCommand;
  },
  async ask({ answers, again, input }) {
    const workload = workloadOf(answers);
    if (workload.livenessCommand === undefined || again('port and traffic')) {
      const command = await input(
        'livenessCommand',
        'Liveness check of the worker: a command run in the container (words separated by spaces, e.g. /app/healthcheck --quiet)',
        (v) => (v.trim() ? true : 'required: a worker has no port to check'),
        workload.livenessCommand?.join(' '),
      );
      workload.livenessCommand = splitWords(command);
    }
  },
};
