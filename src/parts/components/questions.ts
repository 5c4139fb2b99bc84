// The questions of one component (`yo k8s-chart:component NAME`, and "Add another component?" at the
// end of `yo k8s-chart`): the workload parts' own question steps, run on the component's answers
// object, so each key is asked as it is for the main workload; plus what only a component says (its
// image may be the chart's, its command, a Job's hook). Only the questions load this.
import type { Answers } from '../../model.ts';
import { questionSession, splitWords, type AskOptions, type Prompt, type QuestionStep } from '../../prompts.ts';
import { findKind } from '../../kinds/traits.ts';
import { JOB_HOOKS, type JobHook } from '../../kinds/model.ts';
import { kindQuestions, livenessCommandQuestions, replicasQuestions, scheduleQuestions } from '../../kinds/questions.ts';
import { autoscalingQuestions } from '../autoscaling/questions.ts';
import { serviceQuestions } from '../service/questions.ts';
import { probesQuestions } from '../pod/questions.ts';
import { metricsQuestions } from '../metrics/questions.ts';
import { persistenceQuestions } from '../persistence/questions.ts';
import { COMPONENT_NAME, splitImageReference, validateImageReference, validateImageTag, type Check } from '../../validators.ts';
import { validateAnswers } from '../../answers/validate.ts';
import { RESERVED_SUFFIXES } from './rules.ts';
import { configOn } from '../config/model.ts';
import { secretsOn } from '../secrets/model.ts';

export type ComponentAnswers = NonNullable<Answers['components']>[string];

const traitsOf = (answers: Partial<Answers>) => findKind(answers.workload?.kind);

/** A component's image: the chart's unless it names one (a cache, a sidecar service). */
const componentImageQuestions: QuestionStep = {
  async ask({ answers, again, input, optionalInput }) {
    if (answers.image !== undefined && !again('name and image')) return;
    const was = answers.image;
    const shown = was === undefined ? undefined : `${was.repository}${was.tag ? `:${was.tag}` : ''}${was.digest ? `@${was.digest}` : ''}`;
    const value = await optionalInput('image', "Image (e.g. docker.io/valkey/valkey:8.1.1; empty for the chart's image)", validateImageReference, shown);
    if (!value) {
      delete answers.image;
      return;
    }
    const reference = splitImageReference(value);
    const image: NonNullable<Answers['image']> = { repository: reference.repository };
    if (reference.tag !== undefined) image.tag = reference.tag;
    if (reference.digest !== undefined) image.digest = reference.digest;
    if (image.tag === undefined && image.digest === undefined) {
      // Never a moving target: the tag is asked (the chart's appVersion stands in when it is empty).
      const tag = await optionalInput('imageTag', "Image tag (empty for the chart's appVersion)", validateImageTag);
      if (tag) image.tag = tag;
    }
    answers.image = image;
  },
};

/** The container's command: a component often runs the chart's image with another one (bin/worker). */
const commandQuestions: QuestionStep = {
  async ask({ answers, again, optionalInput }) {
    const workload = answers.workload!;
    if (workload.command !== undefined && !again('workload and scaling')) return;
    const value = await optionalInput('command', "The container's command (words separated by spaces; empty for the image's own)", () => true, workload.command?.join(' '));
    if (value) workload.command = splitWords(value);
    else delete workload.command;
  },
};

/** When a Job runs: after the release's objects, or before them (a migration the new pods need). */
const hookQuestions: QuestionStep = {
  applies: (answers) => traitsOf(answers)?.hook === true,
  forget(answers) {
    delete answers.workload?.hook;
  },
  async ask({ answers, again, select }) {
    const workload = answers.workload!;
    if (workload.hook !== undefined && !again('workload and scaling')) return;
    const hook = (await select('hook', 'When the Job runs, on each install and upgrade', JOB_HOOKS, workload.hook ?? JOB_HOOKS[0])) as JobHook;
    // The default is recorded only if it was: keeping every answer changes no byte.
    if (hook !== JOB_HOOKS[0] || workload.hook !== undefined) workload.hook = hook;
  },
};

/** The chart's ConfigMap and Secret, which every component gets unless it says false: asked only
 * when the chart has them. A pre-install Job runs before the release's Secret exists: no by default. */
const sharedQuestions = (chart: Record<string, unknown>): QuestionStep => ({
  async ask({ answers, again, confirm }) {
    const own = answers as ComponentAnswers;
    const secrets = chart.secrets as { existingSecret?: string } | undefined;
    if (configOn(chart as Partial<Answers>) && (own.config === undefined || again('configuration'))) {
      if (await confirm('useConfig', "Give it the chart's configuration (its ConfigMap)?", own.config !== false)) delete own.config;
      else own.config = false;
    }
    if (secretsOn(chart as Partial<Answers>) && (own.secrets === undefined || again('secrets'))) {
      const beforeSecret = own.workload?.hook === JOB_HOOKS[1] && secrets?.existingSecret === undefined;
      if (await confirm('useSecrets', "Give it the chart's secrets (its Secret)?", own.secrets !== false && !beforeSecret)) delete own.secrets;
      else own.secrets = false;
    }
  },
});

/** Kind first, then only what that kind needs; each step reads the answers before it. */
const COMPONENT_STEPS: readonly QuestionStep[] = [
  kindQuestions,
  componentImageQuestions,
  commandQuestions,
  hookQuestions,
  scheduleQuestions,
  autoscalingQuestions,
  replicasQuestions,
  serviceQuestions,
  livenessCommandQuestions,
  probesQuestions,
  metricsQuestions,
  persistenceQuestions,
];

/** Asks a component's questions over `known` (its stored answers, if any), in the chart `chart`'s
 * answers describe. */
export async function askComponent(prompt: Prompt, chart: Record<string, unknown>, known: ComponentAnswers, options: AskOptions = {}): Promise<ComponentAnswers> {
  const session = questionSession(prompt, known as Partial<Answers>, options);
  for (const step of [...COMPONENT_STEPS, sharedQuestions(chart)]) {
    if (step.applies === undefined || step.applies(session.answers)) await step.ask(session);
    else step.forget?.(session.answers);
  }
  return session.answers as ComponentAnswers;
}

/** What is wrong with NAME as the name of a new or existing component of the chart `answers`
 * describe: the name's own pattern, then the components part's rules on the name (each problem one
 * line, `components.NAME: ...`). */
export function componentNameProblems(name: string, answers: Record<string, unknown>): string[] {
  const pattern = new RegExp(COMPONENT_NAME.pattern);
  if (!pattern.test(name) || name.length > COMPONENT_NAME.maxLength) return [`${name || '(none)'}: a component's name ${COMPONENT_NAME.message}`];
  const validation = validateAnswers({ ...answers, components: { [name]: {} } });
  if (validation.ok) return [];
  return validation.problems.filter((problem) => problem.path === `components.${name}`).map((problem) => `${problem.path}: ${problem.message}`);
}

export const checkComponentName =
  (answers: Record<string, unknown>, taken: readonly string[]): Check =>
  (value) => {
    const name = value.trim();
    if (taken.includes(name)) return `${name} is a component already`;
    const problems = componentNameProblems(name, answers);
    return problems.length ? problems[0]!.replace(/^[^:]*: /, '') : true;
  };

/** A prompt whose questions are named `<prefix><Name>`, so the questions of the n-th component
 * added at the end of `yo k8s-chart` have names of their own (an answers mock tells them apart). */
export function prefixedPrompt(prompt: Prompt, prefix: string): Prompt {
  const named = (name: string) => `${prefix}${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  return async (questions) => {
    const answers = await prompt(questions.map((question) => ({ ...question, name: named(question.name) })));
    return Object.fromEntries(questions.map((question) => [question.name, answers[named(question.name)]]));
  };
}

/** "Add another component?" until the user says no: the name, then the component's questions.
 * Returns the components to add (none by default). */
export async function askMoreComponents(prompt: Prompt, answers: Record<string, unknown>): Promise<Record<string, ComponentAnswers>> {
  const added: Record<string, ComponentAnswers> = {};
  const existing = Object.keys((answers.components as Record<string, unknown> | undefined) ?? {});
  for (let n = 1; ; n++) {
    const session = questionSession(prefixedPrompt(prompt, `component${n}`), {});
    if (!(await session.confirm('add', n === 1 && existing.length === 0 ? 'Add another component (a worker, a migration Job, a CronJob, a cache)?' : 'Add another component?', false))) break;
    const name = await session.input('name', `Name of the component (e.g. worker; not ${[...RESERVED_SUFFIXES].join(', ')})`, checkComponentName(answers, [...existing, ...Object.keys(added)]));
    added[name] = await askComponent(prefixedPrompt(prompt, `component${n}`), answers, {});
  }
  return added;
}
