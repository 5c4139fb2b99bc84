// The interactive questions, one step per part, in the order a user thinks about an app (not the
// order of values.yaml): what it is, what runs it, how it is reached, what it is given. Each step
// reads the answers of the steps before it. Only the questions load this: src/parts/index.ts does
// not, so the --answers path never does.
import type { Answers } from '../model.ts';
import { questionSession, type AskOptions, type Prompt, type QuestionStep } from '../prompts.ts';
import { chartQuestions } from './chart/questions.ts';
import { imageQuestions } from './image/questions.ts';
import { kindQuestions, livenessCommandQuestions, replicasQuestions, scheduleQuestions } from '../kinds/questions.ts';
import { autoscalingQuestions } from './autoscaling/questions.ts';
import { serviceQuestions } from './service/questions.ts';
import { exposureQuestions } from './ingress/questions.ts';
import { networkPolicyQuestions } from './network-policy/questions.ts';
import { probesQuestions } from './pod/questions.ts';
import { persistenceQuestions } from './persistence/questions.ts';
import { configQuestions } from './config/questions.ts';
import { secretsQuestions } from './secrets/questions.ts';

export const QUESTION_STEPS: readonly QuestionStep[] = [
  // name and image
  chartQuestions,
  imageQuestions,
  // workload and scaling
  kindQuestions,
  scheduleQuestions,
  autoscalingQuestions,
  replicasQuestions,
  // port and traffic
  serviceQuestions,
  livenessCommandQuestions,
  exposureQuestions,
  networkPolicyQuestions,
  // health checks, storage, configuration, secrets
  probesQuestions,
  persistenceQuestions,
  configQuestions,
  secretsQuestions,
];

/** Asks what `known` lacks (and the sections of `options.again` in full), step by step; a step
 * that no longer applies, given the answers before it, forgets its part's answers instead. */
export async function askQuestions(prompt: Prompt, known: Partial<Answers>, options: AskOptions = {}): Promise<Partial<Answers>> {
  const session = questionSession(prompt, known, options);
  for (const step of QUESTION_STEPS) {
    if (step.applies === undefined || step.applies(session.answers)) await step.ask(session);
    else step.forget?.(session.answers);
  }
  return session.answers;
}
