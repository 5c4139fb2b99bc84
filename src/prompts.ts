// The interactive questions, in the order a user thinks about an app: what it is, what runs it,
// how it is reached, what it is given. Each is asked only when `known` (stored answers) lacks it,
// or, for the sections asked again (`--ask-answered`, or a section chosen at the review), with the
// current answer as its default; each uses the validators the answers file uses. A "no" is
// recorded too (enabled: false), so an update in the chart directory does not ask it again.
import { FAILSAFE_SCHEMA, load } from 'js-yaml';
import { ACCESS_MODES, SERVICE_TYPES, PATH_TYPES } from './answers/choices.ts';
import { WORKLOAD_KINDS } from './kinds/traits.ts';

import { validateSchedule, validateTimeZone } from './kinds/schedule.ts';
import { DEFAULT_KIND, kindTraits } from './kinds/traits.ts';
import { validateIngressPath, validateRoutePath } from './paths.ts';
import { SERVICE_PROTOCOLS, type ServiceProtocol } from './protocols.ts';
import { INGRESS_CONTROLLER_NAMES, type IngressControllerName } from './controllers.ts';
import { type AccessMode, type Answers, type IssuerKind, type ParentRef, type ProbeAnswer, type WorkloadKind } from './model.ts';
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
  validateImageReference,
  validateImageTag,
  validateObjectName,
  validatePort,
  validateQuantity,
  splitImageReference,
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

/** The questions in sections, so a review can send the user back to one of them. */
export const SECTIONS = ['name and image', 'workload and scaling', 'port and traffic', 'health checks', 'storage', 'configuration', 'secrets'] as const;
export type Section = (typeof SECTIONS)[number];

export interface AskOptions {
  /** Sections whose questions are all asked again, each with the current answer as its default
   * ('all' for `--ask-answered`); the other sections ask only what the answers lack. */
  again?: 'all' | ReadonlySet<Section>;
}

/** What a user types at a prompt to clear an answer that has a default (an empty line keeps it). */
export const NONE = '-';

/** Configuration given as YAML at the prompt: a flow map such as `{A: "x,y", B: 2}`. */
export function parseYamlMap(value: string): Record<string, string> | string {
  let parsed: unknown;
  try {
    // Every scalar a string, as typed: 1.10 stays "1.10", 010 stays "010".
    parsed = load(value, { schema: FAILSAFE_SCHEMA });
  } catch (error) {
    return `not valid YAML: ${(error as Error).message.split('\n')[0]}`;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'must be a YAML map such as {KEY: value}';
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(parsed)) {
    if (typeof item === 'object' && item !== null) return `"${key}" must have a single value (a string, number or boolean)`;
    out[key] = item === null ? '' : String(item);
  }
  return out;
}

export async function askQuestions(prompt: Prompt, known: Partial<Answers>, options: AskOptions = {}): Promise<Partial<Answers>> {
  const again = (section: Section) => options.again === 'all' || (options.again !== undefined && options.again.has(section));
  const ask = async <T>(question: Question): Promise<T> => (await prompt([question]))[question.name] as T;
  const input = (name: string, message: string, validate: Check, fallback?: string) =>
    ask<string>({ type: 'input', name, message, validate, ...(fallback === undefined || fallback === '' ? {} : { default: fallback }) }).then(
      (value) => String(value ?? '').trim(),
    );
  /** An answer that may be empty. When it has a current value (the default), an empty line keeps
   * it, so "-" clears it. */
  const optionalInput = async (name: string, message: string, check: Check, current?: string) => {
    if (current === undefined || current === '') return input(name, message, optional(check));
    const value = await input(name, `${message} ("${NONE}" for none)`, (v) => (v.trim() === NONE ? true : optional(check)(v)), current);
    return value === NONE ? '' : value;
  };
  const confirm = (name: string, message: string, fallback: boolean) =>
    ask<boolean>({ type: 'confirm', name, message, default: fallback });
  const select = (name: string, message: string, values: readonly string[], fallback: string) =>
    ask<string>({
      type: 'select',
      name,
      message,
      choices: values.map((value) => ({ name: value, value })),
      default: values.includes(fallback) ? fallback : values[0],
    });

  const answers: Partial<Answers> = structuredClone(known);

  // Name and image. A pasted `repository:tag` is split; its tag is then not asked.
  const reImage = again('name and image');
  if (answers.name === undefined || reImage) answers.name = await input('name', 'Chart name', validateChartName, answers.name);
  const image: Partial<Answers['image']> = answers.image ?? {};
  let pinned = false;
  if (image.repository === undefined || reImage) {
    const reference = splitImageReference(
      await input('imageRepository', 'Image repository (e.g. ghcr.io/acme/app, or with its tag: ghcr.io/acme/app:1.4.2)', validateImageReference, image.repository),
    );
    image.repository = reference.repository;
    if (reference.tag !== undefined || reference.digest !== undefined) {
      pinned = true;
      delete image.tag;
      delete image.digest;
      if (reference.tag !== undefined) image.tag = reference.tag;
      if (reference.digest !== undefined) image.digest = reference.digest;
    }
  }
  if (!pinned && ((image.tag === undefined && image.digest === undefined && answers.appVersion === undefined) || reImage)) {
    const current = image.tag ?? (image.digest === undefined ? answers.appVersion : undefined);
    const tag = await optionalInput('imageTag', 'Image tag (empty to pin by digest)', validateImageTag, current);
    if (tag && !(image.tag === undefined && tag === answers.appVersion)) {
      image.tag = tag;
    } else if (!tag) {
      delete image.tag;
      image.digest = await input('imageDigest', 'Image digest (sha256:...)', validateImageDigest, image.digest);
    }
  }
  answers.image = image as Answers['image'];

  // The workload, and what decides its replicas: a HorizontalPodAutoscaler, or a fixed number.
  const reWorkload = again('workload and scaling');
  const workload = answers.workload ?? {};
  if (workload.kind === undefined || reWorkload) {
    workload.kind = (await select('kind', 'Workload kind', WORKLOAD_KINDS, workload.kind ?? DEFAULT_KIND)) as WorkloadKind;
  }
  answers.workload = workload;
  const traits = kindTraits(workload.kind);
  const longRunning = traits.longRunning;
  if (traits.scheduled) {
    if (workload.schedule === undefined || reWorkload) {
      workload.schedule = await input('schedule', 'Schedule (cron syntax, e.g. */15 * * * *)', validateSchedule, workload.schedule);
    }
    if (workload.timeZone === undefined || reWorkload) {
      workload.timeZone = await input('timeZone', 'Time zone of the schedule (IANA name)', validateTimeZone, workload.timeZone ?? 'Etc/UTC');
    }
  } else {
    delete workload.schedule;
    delete workload.timeZone;
  }
  const replicated = traits.replicated;
  if (replicated) {
    if (answers.autoscaling === undefined || reWorkload) {
      const was = answers.autoscaling ?? {};
      answers.autoscaling = { enabled: false };
      if (await confirm('autoscaling', 'Scale on CPU with a HorizontalPodAutoscaler (it then decides the replicas)?', was.enabled === true)) {
        const min = Number(await input('minReplicas', 'Fewest replicas', integerCheck(1, 1000), String(was.minReplicas ?? 2)));
        const max = Number(await input('maxReplicas', 'Most replicas', (v) => {
          const range = integerCheck(1, 1000)(v);
          return range !== true ? range : Number(v) >= min ? true : `must be at least the fewest replicas (${min})`;
        }, String(Math.max(was.maxReplicas ?? 10, min))));
        const cpu = Number(await input('cpu', 'Average CPU use to aim at, in percent', integerCheck(1, 100), String(was.targetCPUUtilizationPercentage ?? 70)));
        answers.autoscaling = { enabled: true, minReplicas: min, maxReplicas: max, targetCPUUtilizationPercentage: cpu };
      }
    }
    if (answers.autoscaling?.enabled !== true && (workload.replicas === undefined || reWorkload)) {
      workload.replicas = Number(await input('replicas', 'Replicas', integerCheck(0, 1000), String(workload.replicas ?? 1)));
    }
  } else {
    delete workload.replicas;
    delete answers.autoscaling;
    // A volume of its own is only for a Deployment or StatefulSet: asked again (an existing claim).
    const volume = answers.persistence;
    if (volume && volume.enabled !== false && volume.existingClaim === undefined) delete answers.persistence;
  }

  // The port, and how traffic reaches it.
  const rePort = again('port and traffic');
  // What no longer applies goes (the kind changed at the review): a Job or CronJob has no port,
  // routes or probes; only routed traffic names a controller.
  if (!longRunning) {
    delete answers.service;
    delete answers.ingress;
    delete answers.httpRoute;
    delete answers.probes;
    delete workload.livenessCommand;
  }
  if (longRunning && (answers.service?.port === undefined || rePort)) {
    const was = answers.service ?? {};
    const port = await optionalInput('port', 'Container port (empty for a worker with no Service)', validatePort, was.port?.toString());
    if (port) {
      const service: NonNullable<Answers['service']> = { port: Number(port) };
      const protocol = (await select('serviceProtocol', "The app's protocol on it (meshes and gateways read it from the port)", SERVICE_PROTOCOLS, was.protocol ?? 'http')) as ServiceProtocol;
      if (protocol !== 'http') service.protocol = protocol;
      const servicePort = await optionalInput('servicePort', `Port of the Service (empty for ${port}, the container port)`, validatePort, was.servicePort?.toString());
      if (servicePort) service.servicePort = Number(servicePort);
      const type = (await select('serviceType', 'Service type', SERVICE_TYPES, was.type ?? 'ClusterIP')) as typeof service.type;
      // A default kept is recorded only if it was: keeping every answer changes no byte.
      if (type !== 'ClusterIP' || was.type !== undefined || !rePort) service.type = type;
      const annotations = await askMap('serviceAnnotations', 'Service annotations', validateAnnotationKey, was.annotations);
      if (annotations) service.annotations = annotations;
      answers.service = rePort ? service : { ...service, ...answers.service };
    } else {
      delete answers.service;
      delete answers.ingress;
      delete answers.httpRoute;
    }
  }

  // A long-running workload without a port is a worker: it is checked by a command instead.
  if (longRunning && answers.service?.port === undefined) {
    delete answers.probes;
    if (workload.livenessCommand === undefined || rePort) {
      const command = await input(
        'livenessCommand',
        'Liveness check of the worker: a command run in the container (words separated by spaces, e.g. /app/healthcheck --quiet)',
        (v) => (v.trim() ? true : 'required: a worker has no port to check'),
        workload.livenessCommand?.join(' '),
      );
      workload.livenessCommand = splitWords(command);
    }
  } else {
    delete workload.livenessCommand;
  }

  const port = answers.service?.port;
  if (port !== undefined && ((answers.ingress?.enabled === undefined && answers.httpRoute?.enabled === undefined) || rePort)) {
    const ingressOn = answers.ingress?.enabled === true;
    const routeOn = answers.httpRoute?.enabled === true;
    const current = ingressOn && routeOn ? 'Ingress and Gateway API' : ingressOn ? 'Ingress' : routeOn ? 'Gateway API' : 'not at all';
    const exposure = await select('exposure', 'How is it reached from outside the cluster?', EXPOSURES, current);
    const wasIngress = answers.ingress;
    const wasRoute = answers.httpRoute;
    answers.ingress = { enabled: exposure === 'Ingress' || exposure === 'Ingress and Gateway API' };
    if (answers.ingress.enabled) answers.ingress = await askIngress(wasIngress?.enabled === true ? wasIngress : {});
    if (exposure === 'Gateway API' || exposure === 'Ingress and Gateway API') {
      answers.httpRoute = await askHttpRoute(wasRoute?.enabled === true ? wasRoute : {}, answers.ingress.host);
    } else if (wasRoute === undefined) {
      delete answers.httpRoute;
    } else {
      answers.httpRoute = { enabled: false };
    }
  }

  // The NetworkPolicy admits the proxies of the controller that sends the traffic, where they run.
  const routed = answers.ingress?.enabled === true || answers.httpRoute?.enabled === true;
  const policy = answers.networkPolicy ?? {};
  if (!routed && policy.ingressController !== undefined) {
    delete policy.ingressController;
    if (Object.keys(policy).length === 0) delete answers.networkPolicy;
  }
  const sourceUnset = policy.ingressController === undefined && policy.ingressNamespace === undefined;
  if (routed && policy.enabled !== false && policy.ingressFrom === undefined && (sourceUnset || rePort)) {
    const choices = [...INGRESS_CONTROLLER_NAMES, OTHER_CONTROLLER, UNKNOWN_CONTROLLER];
    const current = policy.ingressController ?? (policy.ingressNamespace === undefined ? UNKNOWN_CONTROLLER : OTHER_CONTROLLER);
    const controller = await select('ingressController', 'Which controller sends the traffic to the pods? (the NetworkPolicy admits its proxies)', choices, current);
    const wasNamespace = policy.ingressNamespace;
    delete policy.ingressController;
    delete policy.ingressNamespace;
    if (controller === OTHER_CONTROLLER) {
      policy.ingressNamespace = await input('ingressNamespace', 'The namespace its proxies run in', validateNamespace, wasNamespace);
    } else if (controller !== UNKNOWN_CONTROLLER) {
      policy.ingressController = controller as IngressControllerName;
    }
    if (Object.keys(policy).length > 0) answers.networkPolicy = policy;
    else delete answers.networkPolicy;
  }

  if (port !== undefined && (answers.probes === undefined || again('health checks'))) {
    const was = answers.probes ?? {};
    const liveness = await probeOfType('probe', await select('probe', 'Health check of the app', PROBE_TYPES, probeChoice(was.liveness) ?? PROBE_TYPES[0]), was.liveness);
    const probes: NonNullable<Answers['probes']> = { ...was, liveness };
    delete probes.readiness;
    delete probes.startup;
    const readiness = await select('readinessProbe', 'Readiness check (the Service sends traffic only to ready pods)', [SAME_CHECK, ...PROBE_TYPES], probeChoice(was.readiness) ?? SAME_CHECK);
    if (readiness !== SAME_CHECK) probes.readiness = await probeOfType('readiness', readiness, was.readiness);
    if (await confirm('startupProbe', 'A startup check for a slow starter (the other checks wait until it passes)?', was.startup !== undefined)) {
      probes.startup = { ...liveness };
    }
    answers.probes = probes;
  }

  if (workload.kind !== undefined && (answers.persistence === undefined || again('storage'))) {
    const was = answers.persistence ?? {};
    const on = Object.keys(was).some((key) => key !== 'enabled') && was.enabled !== false;
    answers.persistence = { enabled: false };
    if (replicated) {
      if (await confirm('persistence', traits.claim === 'perPod' ? 'A persistent volume per pod?' : 'A persistent volume?', on)) {
        const { enabled: _, ...rest } = was;
        answers.persistence = {
          ...rest,
          size: await input('storageSize', 'Volume size', validateQuantity, was.size ?? '1Gi'),
          mountPath: await input('storageMountPath', 'Mounted at', validateAbsolutePath, was.mountPath ?? '/data'),
          accessModes: [(await select('storageAccessMode', 'Access mode', ACCESS_MODES, was.accessModes?.[0] ?? 'ReadWriteOnce')) as AccessMode],
        };
      }
    } else {
      const claim = await optionalInput('existingClaim', 'An existing PersistentVolumeClaim to mount (empty for none)', validateObjectName, was.existingClaim);
      if (claim) {
        answers.persistence = { existingClaim: claim, mountPath: await input('storageMountPath', 'Mounted at', validateAbsolutePath, was.mountPath ?? '/data') };
      }
    }
  }

  // Configuration: one entry at a time, so a value keeps its commas and spaces as typed; or a
  // YAML map in one go.
  if (answers.config === undefined || again('configuration')) {
    const was = answers.config ?? {};
    const data: Record<string, string> = {};
    let count = 0;
    for (const [key, value] of Object.entries(was.data ?? {})) {
      const kept = await input(`configValue${++count}`, `Value of ${key} (empty keeps "${String(value)}", "${NONE}" removes ${key})`, () => true, String(value));
      if (kept !== NONE) data[key] = kept;
    }
    for (;;) {
      const entry = await input(
        `configKey${++count}`,
        Object.keys(data).length === 0
          ? 'Configuration: a key (empty for none; or all entries as a YAML map, e.g. {LOG_LEVEL: info, FEATURES: "a,b"})'
          : 'Configuration: another key (empty when done)',
        optional((v) => (v.startsWith('{') ? yamlMapCheck(validateConfigKey)(v) : v in data ? 'given already' : validateConfigKey(v))),
      );
      if (!entry) break;
      if (entry.startsWith('{')) {
        Object.assign(data, parseYamlMap(entry));
        continue;
      }
      data[entry] = await input(`configValue${count}`, `Value of ${entry} (kept as typed)`, () => true);
    }
    answers.config = Object.keys(data).length ? { ...was, enabled: true, data } : { enabled: false };
  }

  if (answers.secrets === undefined || again('secrets')) {
    const was = answers.secrets ?? {};
    const keys = await optionalInput('secretKeys', 'Secret key names (comma-separated; values are set at install; empty for none)', listCheck(validateEnvVarName), was.keys?.join(', '));
    const { keys: _, enabled: __, provided: ___, ...rest } = was;
    answers.secrets = keys ? { ...rest, enabled: true, keys: splitList(keys) } : Object.keys(rest).length ? { ...rest } : { enabled: false };
    if (keys) {
      // Keys whose values come from elsewhere (an external system's credential) are never generated.
      const names = splitList(keys);
      const provided = await optionalInput(
        'secretProvided',
        "Which of them do you provide (an external system's credential: never generated, the install fails without it)? (comma-separated; empty: all generated)",
        (v) => {
          const list = listCheck(validateEnvVarName)(v);
          const stray = splitList(v).find((name) => !names.includes(name));
          return list !== true ? list : stray === undefined ? true : `"${stray}" is not one of the keys: ${names.join(', ')}`;
        },
        was.provided?.filter((name) => names.includes(name)).join(', '),
      );
      if (provided) answers.secrets.provided = splitList(provided);
    }
  }
  return answers;

  /** A map such as annotations: `key=value` pairs, comma-separated, or a YAML map. */
  async function askMap(name: string, message: string, checkKey: Check, current: Record<string, string> | undefined) {
    const shown = current && Object.keys(current).length ? JSON.stringify(current) : undefined;
    const value = await optionalInput(
      name,
      `${message} (key=value, comma-separated, or a YAML map such as {key: "a,b"}; empty for none)`,
      (v) => (v.startsWith('{') ? yamlMapCheck(checkKey)(v) : validatePairs(checkKey)(v)),
      shown,
    );
    if (!value) return undefined;
    return value.startsWith('{') ? (parseYamlMap(value) as Record<string, string>) : Object.fromEntries(parsePairs(value));
  }

  /** The details a check of this type needs: a path to GET, a command to run. */
  async function probeOfType(name: string, choice: string, was?: ProbeAnswer): Promise<ProbeAnswer> {
    const probe: ProbeAnswer = { type: choice.split(':')[0] as ProbeAnswer['type'] };
    const same = was?.type === probe.type;
    if (probe.type === 'http') probe.path = await input(`${name}Path`, 'Health check path', validateHttpPath, (same && was.path) || '/healthz');
    if (probe.type === 'exec') probe.command = splitWords(await input(`${name}Command`, 'Health check command (words separated by spaces)', required, same ? was.command?.join(' ') : undefined));
    if (same && was.service !== undefined && probe.type === 'grpc') probe.service = was.service;
    return probe;
  }

  async function askIngress(was: NonNullable<Answers['ingress']>): Promise<NonNullable<Answers['ingress']>> {
    const ingress: NonNullable<Answers['ingress']> = { enabled: true };
    ingress.host = await input('ingressHost', 'Host name', validateHostname, was.host);
    const pathType = (await select('ingressPathType', 'Path type', PATH_TYPES, was.pathType ?? 'Prefix')) as NonNullable<typeof ingress.pathType>;
    if (pathType !== 'Prefix' || was.pathType !== undefined || was.host === undefined) ingress.pathType = pathType;
    ingress.path = await input('ingressPath', 'Path', (v) => both(validateHttpPath, (path) => validateIngressPath(path, pathType))(v), was.path ?? '/');
    const className = await optionalInput('ingressClass', "IngressClass (empty for the cluster's default)", validateObjectName, was.className);
    if (className) ingress.className = className;
    const annotations = await askMap('ingressAnnotations', 'Ingress annotations', validateAnnotationKey, was.annotations);
    if (annotations) ingress.annotations = annotations;
    if (await confirm('tls', 'TLS with a certificate from cert-manager?', was.tls === undefined ? was.host === undefined : was.tls.enabled !== false)) {
      ingress.tls = {
        enabled: true,
        issuer: await input('issuer', 'cert-manager issuer name', validateObjectName, was.tls?.issuer ?? 'letsencrypt-prod'),
        issuerKind: (await select('issuerKind', 'Issuer kind', ['ClusterIssuer', 'Issuer'], was.tls?.issuerKind ?? 'ClusterIssuer')) as IssuerKind,
      };
    }
    const { enabled: _, host: __, pathType: ___, path: ____, className: _____, annotations: ______, tls: _______, ...rest } = was;
    return { ...rest, ...ingress };
  }

  async function askHttpRoute(was: NonNullable<Answers['httpRoute']>, ingressHost: string | undefined): Promise<NonNullable<Answers['httpRoute']>> {
    const hostnames = splitList(await input('routeHostnames', 'Host names of the route (comma-separated)', listCheck(validateHostname), was.hostnames?.join(', ') ?? ingressHost));
    const path = await input('routePath', 'Path prefix', both(validateHttpPath, validateRoutePath), was.path ?? '/');
    const gateway = await select('gateway', 'Which Gateway?', GATEWAYS, was.gateway?.create === true ? GATEWAYS[1] : GATEWAYS[0]);
    const { enabled: _, hostnames: __, path: ___, parentRefs: ____, gateway: _____, ...rest } = was;
    if (gateway === GATEWAYS[0]) {
      const first = was.parentRefs?.[0];
      const parentRef: ParentRef = { ...first, name: await input('gatewayName', 'Name of the shared Gateway', validateObjectName, first?.name) };
      delete parentRef.namespace;
      delete parentRef.sectionName;
      const namespace = await optionalInput('gatewayNamespace', 'Its namespace (empty for the release namespace)', validateObjectName, first?.namespace);
      if (namespace) parentRef.namespace = namespace;
      const section = await optionalInput('gatewaySection', 'Its listener (sectionName; empty for all)', validateObjectName, first?.sectionName);
      if (section) parentRef.sectionName = section;
      return { ...rest, enabled: true, hostnames, path, parentRefs: [parentRef, ...(was.parentRefs?.slice(1) ?? [])] };
    }
    return {
      ...rest,
      enabled: true,
      hostnames,
      path,
      gateway: {
        ...was.gateway,
        create: true,
        className: await input('gatewayClass', 'GatewayClass of the new Gateway (e.g. istio, cilium)', validateObjectName, was.gateway?.className),
        tls: {
          issuer: await input('gatewayIssuer', 'cert-manager issuer of its certificates', validateObjectName, was.gateway?.tls?.issuer ?? 'letsencrypt-prod'),
          issuerKind: (await select('gatewayIssuerKind', 'Issuer kind', ['ClusterIssuer', 'Issuer'], was.gateway?.tls?.issuerKind ?? 'ClusterIssuer')) as IssuerKind,
        },
      },
    };
  }
}

/** A YAML map whose keys pass checkKey. */
const yamlMapCheck =
  (checkKey: Check): Check =>
  (value) => {
    const parsed = parseYamlMap(value);
    if (typeof parsed === 'string') return parsed;
    for (const key of Object.keys(parsed)) {
      const result = checkKey(key);
      if (result !== true) return `"${key}" ${result}`;
    }
    return true;
  };

/** The choice that a stored probe was made from. */
const probeChoice = (probe: ProbeAnswer | undefined) => (probe === undefined ? undefined : PROBE_TYPES.find((choice) => choice.startsWith(`${probe.type}:`)));

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
