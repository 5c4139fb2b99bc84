// The interactive questions, in the order a user thinks about an app: what it is, what runs it,
// how it is reached, what it is given. Each is asked only when `known` (stored answers) lacks it,
// and each uses the validators the answers file uses.
import { WORKLOAD_KINDS, SERVICE_TYPES, PATH_TYPES } from './answers/schema.ts';
import { validateSchedule } from './kinds/schedule.ts';
import type { Answers, WorkloadKind } from './model.ts';
import {
  integerCheck,
  listCheck,
  splitList,
  validateAnnotationKey,
  validateChartName,
  validateConfigKey,
  validateEnvVarName,
  validateHostname,
  validateHttpPath,
  validateImageDigest,
  validateImageRepository,
  validateImageTag,
  validateObjectName,
  validatePort,
  type Check,
} from './validators.ts';

export interface Question {
  type: 'input' | 'confirm' | 'select';
  name: string;
  message: string;
  default?: unknown;
  choices?: Array<{ name: string; value: string }>;
  validate?: (value: string) => true | string;
}

export type Prompt = (questions: Question[]) => Promise<Record<string, unknown>>;

const optional = (check: Check): Check => (value) => (value.trim() === '' ? true : check(value.trim()));

/** `KEY=value, OTHER=value` → entries; used for config data and annotations. */
export function parsePairs(value: string): Array<[string, string]> {
  return splitList(value).map((pair) => {
    const at = pair.indexOf('=');
    return at < 0 ? [pair, ''] : [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
  });
}

export const validatePairs =
  (checkKey: Check): Check =>
  (value) => {
    for (const [key] of parsePairs(value)) {
      const result = checkKey(key);
      if (result !== true) return `"${key}" ${result}`;
    }
    return true;
  };

export async function askQuestions(prompt: Prompt, known: Partial<Answers>): Promise<Partial<Answers>> {
  const ask = async <T>(question: Question): Promise<T> => (await prompt([question]))[question.name] as T;
  const input = (name: string, message: string, validate: Check, fallback?: string) =>
    ask<string>({ type: 'input', name, message, validate, ...(fallback === undefined ? {} : { default: fallback }) }).then(
      (value) => String(value ?? '').trim(),
    );
  const confirm = (name: string, message: string, fallback: boolean) =>
    ask<boolean>({ type: 'confirm', name, message, default: fallback });
  const select = (name: string, message: string, values: readonly string[], fallback: string) =>
    ask<string>({
      type: 'select',
      name,
      message,
      choices: values.map((value) => ({ name: value, value })),
      default: fallback,
    });

  const answers: Partial<Answers> = structuredClone(known);

  answers.name ??= await input('name', 'Chart name', validateChartName);

  const image: Partial<Answers['image']> = answers.image ?? {};
  image.repository ??= await input('imageRepository', 'Image repository (e.g. ghcr.io/acme/app)', validateImageRepository);
  if (image.tag === undefined && image.digest === undefined && answers.appVersion === undefined) {
    const tag = await input('imageTag', 'Image tag (empty to pin by digest)', optional(validateImageTag));
    if (tag) image.tag = tag;
    else image.digest = await input('imageDigest', 'Image digest (sha256:...)', validateImageDigest);
  }
  answers.image = image as Answers['image'];

  const workload = answers.workload ?? {};
  workload.kind ??= (await select('kind', 'Workload kind', WORKLOAD_KINDS, 'Deployment')) as WorkloadKind;
  answers.workload = workload;
  const longRunning = workload.kind === 'Deployment' || workload.kind === 'StatefulSet' || workload.kind === 'DaemonSet';
  if (workload.kind === 'CronJob' && workload.schedule === undefined) {
    workload.schedule = await input('schedule', 'Schedule (cron syntax, e.g. */15 * * * *)', validateSchedule);
  }

  if (longRunning && answers.service?.port === undefined) {
    const port = await input('port', 'Container port (empty for a worker with no Service)', optional(validatePort));
    if (port) {
      const service: NonNullable<Answers['service']> = { port: Number(port) };
      service.type = (await select('serviceType', 'Service type', SERVICE_TYPES, 'ClusterIP')) as typeof service.type;
      const annotations = await input('serviceAnnotations', 'Service annotations (key=value, comma-separated; empty for none)', optional(validatePairs(validateAnnotationKey)));
      if (annotations) service.annotations = Object.fromEntries(parsePairs(annotations));
      answers.service = { ...service, ...answers.service };
    }
  }

  // A long-running workload without a port is a worker: it is checked by a command instead.
  if (longRunning && answers.service?.port === undefined && workload.livenessCommand === undefined) {
    const command = await input(
      'livenessCommand',
      'Liveness check of the worker: a command run in the container (words separated by spaces, e.g. /app/healthcheck --quiet)',
      (v) => (v.trim() ? true : 'required: a worker has no port to check'),
    );
    workload.livenessCommand = command.split(/\s+/);
  }

  if (answers.service?.port !== undefined && answers.ingress?.enabled === undefined) {
    const ingress: NonNullable<Answers['ingress']> = { enabled: await confirm('ingress', 'Expose it through an Ingress?', false) };
    if (ingress.enabled) {
      ingress.host = await input('ingressHost', 'Host name', validateHostname);
      ingress.path = await input('ingressPath', 'Path', validateHttpPath, '/');
      ingress.pathType = (await select('ingressPathType', 'Path type', PATH_TYPES, 'Prefix')) as typeof ingress.pathType;
      const className = await input('ingressClass', "IngressClass (empty for the cluster's default)", optional(validateObjectName));
      if (className) ingress.className = className;
      const annotations = await input('ingressAnnotations', 'Ingress annotations (key=value, comma-separated; empty for none)', optional(validatePairs(validateAnnotationKey)));
      if (annotations) ingress.annotations = Object.fromEntries(parsePairs(annotations));
      if (await confirm('tls', 'TLS with a certificate from cert-manager?', true)) {
        ingress.tls = {
          enabled: true,
          issuer: await input('issuer', 'cert-manager issuer name', validateObjectName, 'letsencrypt-prod'),
          issuerKind: (await select('issuerKind', 'Issuer kind', ['ClusterIssuer', 'Issuer'], 'ClusterIssuer')) as 'ClusterIssuer' | 'Issuer',
        };
      }
    }
    answers.ingress = ingress;
  }

  if (answers.config === undefined) {
    const pairs = await input('config', 'Configuration values (KEY=value, comma-separated; empty for none)', optional(validatePairs(validateConfigKey)));
    if (pairs) answers.config = { enabled: true, data: Object.fromEntries(parsePairs(pairs)) };
  }

  if (answers.secrets === undefined) {
    const keys = await input('secretKeys', 'Secret key names (comma-separated; values are set at install; empty for none)', optional(listCheck(validateEnvVarName)));
    if (keys) answers.secrets = { enabled: true, keys: splitList(keys) };
  }

  if ((workload.kind === 'Deployment' || workload.kind === 'StatefulSet') && answers.autoscaling === undefined) {
    if (await confirm('autoscaling', 'Scale on CPU with a HorizontalPodAutoscaler?', false)) {
      const min = Number(await input('minReplicas', 'Fewest replicas', integerCheck(1, 1000), '2'));
      const max = Number(await input('maxReplicas', 'Most replicas', (v) => {
        const range = integerCheck(1, 1000)(v);
        return range !== true ? range : Number(v) >= min ? true : `must be at least the fewest replicas (${min})`;
      }, '10'));
      const cpu = Number(await input('cpu', 'Average CPU use to aim at, in percent', integerCheck(1, 100), '70'));
      answers.autoscaling = { enabled: true, minReplicas: min, maxReplicas: max, targetCPUUtilizationPercentage: cpu };
    }
  }
  return answers;
}
