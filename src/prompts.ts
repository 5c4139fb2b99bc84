// The interactive questions, in the order a user thinks about an app: what it is, what runs it,
// how it is reached, what it is given. Each is asked only when `known` (stored answers) lacks it,
// and each uses the validators the answers file uses. A "no" is recorded too (enabled: false), so
// an update in the chart directory does not ask it again.
import { ACCESS_MODES, WORKLOAD_KINDS, SERVICE_TYPES, PATH_TYPES } from './answers/schema.ts';

import { validateSchedule, validateTimeZone } from './kinds/schedule.ts';
import { validateIngressPath, validateRoutePath } from './paths.ts';
import { SERVICE_PROTOCOLS, type ServiceProtocol } from './protocols.ts';
import { INGRESS_CONTROLLER_NAMES, type IngressControllerName } from './controllers.ts';
import { LONG_RUNNING_KINDS, REPLICATED_KINDS, type AccessMode, type Answers, type IssuerKind, type ParentRef, type ProbeAnswer, type WorkloadKind } from './model.ts';
import {
  integerCheck,
  listCheck,
  NAMESPACE,
  splitList,
  validateAbsolutePath,
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
  validateQuantity,
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
  const longRunning = LONG_RUNNING_KINDS.includes(workload.kind);
  if (workload.kind === 'CronJob' && workload.schedule === undefined) {
    workload.schedule = await input('schedule', 'Schedule (cron syntax, e.g. */15 * * * *)', validateSchedule);
  }
  if (workload.kind === 'CronJob' && workload.timeZone === undefined) {
    workload.timeZone = await input('timeZone', 'Time zone of the schedule (IANA name)', validateTimeZone, 'Etc/UTC');
  }
  const replicated = REPLICATED_KINDS.includes(workload.kind);
  if (replicated && workload.replicas === undefined) {
    workload.replicas = Number(await input('replicas', 'Replicas', integerCheck(0, 1000), '1'));
  }

  if (longRunning && answers.service?.port === undefined) {
    const port = await input('port', 'Container port (empty for a worker with no Service)', optional(validatePort));
    if (port) {
      const service: NonNullable<Answers['service']> = { port: Number(port) };
      const protocol = (await select('serviceProtocol', "The app's protocol on it (meshes and gateways read it from the port)", SERVICE_PROTOCOLS, 'http')) as ServiceProtocol;
      if (protocol !== 'http') service.protocol = protocol;
      const servicePort = await input('servicePort', `Port of the Service (empty for ${port}, the container port)`, optional(validatePort));
      if (servicePort) service.servicePort = Number(servicePort);
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
    workload.livenessCommand = splitWords(command);
  }

  const port = answers.service?.port;
  if (port !== undefined && answers.ingress?.enabled === undefined && answers.httpRoute?.enabled === undefined) {
    const exposure = await select('exposure', 'How is it reached from outside the cluster?', EXPOSURES, 'not at all');
    answers.ingress = { enabled: exposure === 'Ingress' || exposure === 'Ingress and Gateway API' };
    answers.httpRoute = { enabled: exposure === 'Gateway API' || exposure === 'Ingress and Gateway API' };
    if (answers.ingress.enabled) answers.ingress = await askIngress();
    if (answers.httpRoute.enabled) answers.httpRoute = await askHttpRoute(answers.ingress.host);
    if (!answers.httpRoute.enabled) delete answers.httpRoute;
  }

  // The NetworkPolicy admits the proxies of the controller that sends the traffic, where they run.
  const routed = answers.ingress?.enabled === true || answers.httpRoute?.enabled === true;
  const policy = answers.networkPolicy ?? {};
  if (routed && policy.enabled !== false && policy.ingressController === undefined && policy.ingressNamespace === undefined && policy.ingressFrom === undefined) {
    const choices = [...INGRESS_CONTROLLER_NAMES, OTHER_CONTROLLER, UNKNOWN_CONTROLLER];
    const controller = await select('ingressController', 'Which controller sends the traffic to the pods? (the NetworkPolicy admits its proxies)', choices, UNKNOWN_CONTROLLER);
    if (controller === OTHER_CONTROLLER) {
      policy.ingressNamespace = await input('ingressNamespace', 'The namespace its proxies run in', validateNamespace);
    } else if (controller !== UNKNOWN_CONTROLLER) {
      policy.ingressController = controller as IngressControllerName;
    }
    if (Object.keys(policy).length > 0) answers.networkPolicy = policy;
  }

  if (port !== undefined && answers.probes === undefined) {
    const liveness = await askProbe('probe', 'Health check of the app', 'tcp: the port accepts connections');
    const probes: NonNullable<Answers['probes']> = { liveness };
    const readiness = await select('readinessProbe', 'Readiness check (the Service sends traffic only to ready pods)', [SAME_CHECK, ...PROBE_TYPES], SAME_CHECK);
    if (readiness !== SAME_CHECK) probes.readiness = await probeOfType('readiness', readiness);
    if (await confirm('startupProbe', 'A startup check for a slow starter (the other checks wait until it passes)?', false)) {
      probes.startup = { ...liveness };
    }
    answers.probes = probes;
  }

  if (answers.persistence === undefined && workload.kind !== undefined) {
    if (replicated) {
      answers.persistence = { enabled: false };
      if (await confirm('persistence', workload.kind === 'StatefulSet' ? 'A persistent volume per pod?' : 'A persistent volume?', false)) {
        answers.persistence = {
          size: await input('storageSize', 'Volume size', validateQuantity, '1Gi'),
          mountPath: await input('storageMountPath', 'Mounted at', validateAbsolutePath, '/data'),
          accessModes: [(await select('storageAccessMode', 'Access mode', ACCESS_MODES, 'ReadWriteOnce')) as AccessMode],
        };
      }
    } else {
      const claim = await input('existingClaim', 'An existing PersistentVolumeClaim to mount (empty for none)', optional(validateObjectName));
      answers.persistence = { enabled: false };
      if (claim) {
        answers.persistence = { existingClaim: claim, mountPath: await input('storageMountPath', 'Mounted at', validateAbsolutePath, '/data') };
      }
    }
  }

  if (answers.config === undefined) {
    const pairs = await input('config', 'Configuration values (KEY=value, comma-separated; empty for none)', optional(validatePairs(validateConfigKey)));
    answers.config = pairs ? { enabled: true, data: Object.fromEntries(parsePairs(pairs)) } : { enabled: false };
  }

  if (answers.secrets === undefined) {
    const keys = await input('secretKeys', 'Secret key names (comma-separated; values are set at install; empty for none)', optional(listCheck(validateEnvVarName)));
    answers.secrets = keys ? { enabled: true, keys: splitList(keys) } : { enabled: false };
  }

  if (replicated && answers.autoscaling === undefined) {
    answers.autoscaling = { enabled: false };
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

  async function askProbe(name: string, message: string, fallback: string): Promise<ProbeAnswer> {
    return probeOfType(name, await select(name, message, PROBE_TYPES, fallback));
  }

  /** The details a check of this type needs: a path to GET, a command to run. */
  async function probeOfType(name: string, choice: string): Promise<ProbeAnswer> {
    const probe: ProbeAnswer = { type: choice.split(':')[0] as ProbeAnswer['type'] };
    if (probe.type === 'http') probe.path = await input(`${name}Path`, 'Health check path', validateHttpPath, '/healthz');
    if (probe.type === 'exec') probe.command = splitWords(await input(`${name}Command`, 'Health check command (words separated by spaces)', required));
    return probe;
  }

  async function askIngress(): Promise<NonNullable<Answers['ingress']>> {
    const ingress: NonNullable<Answers['ingress']> = { enabled: true };
    ingress.host = await input('ingressHost', 'Host name', validateHostname);
    ingress.pathType = (await select('ingressPathType', 'Path type', PATH_TYPES, 'Prefix')) as typeof ingress.pathType;
    const pathType = ingress.pathType;
    ingress.path = await input('ingressPath', 'Path', (v) => both(validateHttpPath, (path) => validateIngressPath(path, pathType))(v), '/');
    const className = await input('ingressClass', "IngressClass (empty for the cluster's default)", optional(validateObjectName));
    if (className) ingress.className = className;
    const annotations = await input('ingressAnnotations', 'Ingress annotations (key=value, comma-separated; empty for none)', optional(validatePairs(validateAnnotationKey)));
    if (annotations) ingress.annotations = Object.fromEntries(parsePairs(annotations));
    if (await confirm('tls', 'TLS with a certificate from cert-manager?', true)) {
      ingress.tls = {
        enabled: true,
        issuer: await input('issuer', 'cert-manager issuer name', validateObjectName, 'letsencrypt-prod'),
        issuerKind: (await select('issuerKind', 'Issuer kind', ['ClusterIssuer', 'Issuer'], 'ClusterIssuer')) as IssuerKind,
      };
    }
    return ingress;
  }

  async function askHttpRoute(ingressHost: string | undefined): Promise<NonNullable<Answers['httpRoute']>> {
    const hostnames = splitList(await input('routeHostnames', 'Host names of the route (comma-separated)', listCheck(validateHostname), ingressHost));
    const path = await input('routePath', 'Path prefix', both(validateHttpPath, validateRoutePath), '/');
    const gateway = await select('gateway', 'Which Gateway?', GATEWAYS, GATEWAYS[0]!);
    if (gateway === GATEWAYS[0]) {
      const parentRef: ParentRef = { name: await input('gatewayName', 'Name of the shared Gateway', validateObjectName) };
      const namespace = await input('gatewayNamespace', 'Its namespace (empty for the release namespace)', optional(validateObjectName));
      if (namespace) parentRef.namespace = namespace;
      const section = await input('gatewaySection', 'Its listener (sectionName; empty for all)', optional(validateObjectName));
      if (section) parentRef.sectionName = section;
      return { enabled: true, hostnames, path, parentRefs: [parentRef] };
    }
    return {
      enabled: true,
      hostnames,
      path,
      gateway: {
        create: true,
        className: await input('gatewayClass', 'GatewayClass of the new Gateway (e.g. istio, cilium)', validateObjectName),
        tls: {
          issuer: await input('gatewayIssuer', 'cert-manager issuer of its certificates', validateObjectName, 'letsencrypt-prod'),
          issuerKind: (await select('gatewayIssuerKind', 'Issuer kind', ['ClusterIssuer', 'Issuer'], 'ClusterIssuer')) as IssuerKind,
        },
      },
    };
  }
}

const validateNamespace: Check = (value) =>
  new RegExp(NAMESPACE.pattern).test(value) && value.length <= NAMESPACE.maxLength ? true : NAMESPACE.message;
const OTHER_CONTROLLER = 'another: name the namespace of its proxies';
const UNKNOWN_CONTROLLER = 'not known: admit all namespaces (a warning says so)';
const EXPOSURES = ['not at all', 'Ingress', 'Gateway API', 'Ingress and Gateway API'] as const;
const GATEWAYS = ['a shared Gateway the platform owns', "a Gateway of the chart's own"] as const;
const SAME_CHECK = 'the same check';
const PROBE_TYPES = [
  'tcp: the port accepts connections',
  'http: a path answers 2xx or 3xx',
  'grpc: the gRPC health service answers',
  'exec: a command succeeds',
] as const;

/** Both checks pass, or the first message. */
const both = (first: Check, second: Check): Check => (value) => {
  const result = first(value);
  return result === true ? second(value) : result;
};

const required: Check = (value) => (value.trim() ? true : 'required');

function splitWords(value: string): string[] {
  return value.trim().split(/\s+/);
}
