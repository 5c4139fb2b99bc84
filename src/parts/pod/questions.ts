import type { Answers, ProbeAnswer } from '../../model.ts';
import { required, splitWords, type QuestionSession, type QuestionStep } from '../../prompts.ts';
import { validateHttpPath } from '../../validators.ts';

const SAME_CHECK = 'the same check';
const PROBE_TYPES = [
  'tcp: the port accepts connections',
  'http: a path answers 2xx or 3xx',
  'grpc: the gRPC health service answers',
  'exec: a command succeeds',
] as const;

/** The choice that a stored probe was made from. */
const probeChoice = (probe: ProbeAnswer | undefined) => (probe === undefined ? undefined : PROBE_TYPES.find((choice) => choice.startsWith(`${probe.type}:`)));

/** The health checks of an app with a port (a worker's is its liveness command, a Job has none). */
export const probesQuestions: QuestionStep = {
  applies: (answers) => answers.service?.port !== undefined,
  forget(answers) {
    delete answers.probes;
  },
  async ask(session) {
    const { answers, again, confirm, select } = session;
    if (answers.probes !== undefined && !again('health checks')) return;
    const was: NonNullable<Answers['probes']> = answers.probes ?? {};
    const liveness = await probeOfType(session, 'probe', await select('probe', 'Health check of the app', PROBE_TYPES, probeChoice(was.liveness) ?? PROBE_TYPES[0]), was.liveness);
    const probes: NonNullable<Answers['probes']> = { ...was, liveness };
    delete probes.readiness;
    delete probes.startup;
    const readiness = await select('readinessProbe', 'Readiness check (the Service sends traffic only to ready pods)', [SAME_CHECK, ...PROBE_TYPES], probeChoice(was.readiness) ?? SAME_CHECK);
    if (readiness !== SAME_CHECK) probes.readiness = await probeOfType(session, 'readiness', readiness, was.readiness);
    if (await confirm('startupProbe', 'A startup check for a slow starter (the other checks wait until it passes)?', was.startup !== undefined)) {
      probes.startup = { ...liveness };
    }
    answers.probes = probes;
  },
};

/** The details a check of this type needs: a path to GET, a command to run. */
async function probeOfType({ input }: QuestionSession, name: string, choice: string, was?: ProbeAnswer): Promise<ProbeAnswer> {
  const probe: ProbeAnswer = { type: choice.split(':')[0] as ProbeAnswer['type'] };
  const same = was?.type === probe.type;
  if (probe.type === 'http') probe.path = await input(`${name}Path`, 'Health check path', validateHttpPath, (same && was.path) || '/healthz');
  if (probe.type === 'exec') probe.command = splitWords(await input(`${name}Command`, 'Health check command (words separated by spaces)', required, same ? was.command?.join(' ') : undefined));
  if (same && was.service !== undefined && probe.type === 'grpc') probe.service = was.service;
  return probe;
}
