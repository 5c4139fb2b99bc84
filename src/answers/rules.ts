// Rules that join several answers. Each names the field the user has to change and says why.
// They run beside the schema, also on answers it rejects, so every problem is reported at once:
// each rule reads its fields defensively and stays silent where a field has the wrong type.
import { LONG_RUNNING_KINDS, REPLICATED_KINDS, type Answers, type WorkloadKind } from '../model.ts';
import { WORKLOAD_KINDS } from '../kinds/names.ts';
import { validateSchedule, validateTimeZone } from '../kinds/schedule.ts';
import { validateIngressPath, validateRoutePath } from '../paths.ts';
import { PORT_PROTOCOLS, type ServiceProtocol } from '../protocols.ts';
import { INGRESS_CONTROLLERS, type IngressController, type IngressControllerName } from '../controllers.ts';
import { validateImageTag } from '../validators.ts';

import type { Problem } from './problem.ts';
export type { Problem } from './problem.ts';

export function crossFieldProblems(data: unknown): Problem[] {
  const answers = (typeof data === 'object' && data !== null ? data : {}) as Partial<Answers>;
  const problems: Problem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  const kind = answers.workload?.kind ?? 'Deployment';
  // The schema reports an unknown kind; rules that depend on the kind wait for a known one.
  if (!(WORKLOAD_KINDS as readonly string[]).includes(kind)) return imageProblems(answers);
  const longRunning = LONG_RUNNING_KINDS.includes(kind);
  const hasService = longRunning && answers.service?.port !== undefined;

  problems.push(...imageProblems(answers));

  const workload = answers.workload ?? {};
  if (kind === 'CronJob' && workload.schedule === undefined) {
    problem('workload.schedule', 'required when workload.kind is CronJob');
  }
  if (kind !== 'CronJob') {
    for (const key of ['schedule', 'timeZone'] as const) {
      if (workload[key] !== undefined) problem(`workload.${key}`, `only for workload.kind CronJob, not ${kind}`);
    }
  }
  if (kind === 'CronJob' && typeof workload.schedule === 'string') {
    const schedule = validateSchedule(workload.schedule);
    if (schedule !== true) problem('workload.schedule', schedule);
  }
  if (kind === 'CronJob' && typeof workload.timeZone === 'string') {
    const zone = validateTimeZone(workload.timeZone);
    if (zone !== true) problem('workload.timeZone', zone);
  }
  const worker = longRunning && answers.service?.port === undefined;
  if (worker && workload.livenessCommand === undefined) {
    problem(
      'workload.livenessCommand',
      `required for a worker (a ${kind} without service.port): the command that tells it is alive, e.g. [/app/healthcheck]`,
    );
  }
  if (!worker && workload.livenessCommand !== undefined) {
    problem(
      'workload.livenessCommand',
      longRunning ? 'only for a worker: with service.port the probes check the port' : `only for a worker, not a ${kind}`,
    );
  }
  if (answers.probes !== undefined && !hasService) {
    problem('probes', longRunning ? 'only with service.port: a worker is checked by workload.livenessCommand' : `a ${kind} runs to completion and gets no probes`);
  }
  for (const [name, probe] of Object.entries(answers.probes ?? {})) {
    if (probe?.type === 'exec' && probe.command === undefined) problem(`probes.${name}.command`, 'required when type is exec');
    if (probe?.type !== 'http' && probe?.path !== undefined) problem(`probes.${name}.path`, 'only for type http');
    if (probe?.type !== 'exec' && probe?.command !== undefined) problem(`probes.${name}.command`, 'only for type exec');
    if (probe?.type !== 'grpc' && probe?.service !== undefined) problem(`probes.${name}.service`, 'only for type grpc');
  }
  if (!REPLICATED_KINDS.includes(kind) && workload.replicas !== undefined) {
    problem('workload.replicas', `only for workload.kind Deployment or StatefulSet, not ${kind}`);
  }

  for (const key of ['servicePort', 'protocol'] as const) {
    if (longRunning && answers.service?.[key] !== undefined && answers.service.port === undefined) {
      problem(`service.${key}`, 'only with service.port (the container port): a worker listens on no port');
    }
  }
  const protocol = answers.service?.protocol;
  if (typeof protocol === 'string' && Object.hasOwn(PORT_PROTOCOLS, protocol) && !PORT_PROTOCOLS[protocol as ServiceProtocol].http) {
    for (const part of ['ingress', 'httpRoute'] as const) {
      if (answers[part]?.enabled === true) {
        problem(`${part}.enabled`, `routes HTTP, and service.protocol is ${protocol}: expose it with a LoadBalancer or NodePort service.type instead`);
      }
    }
  }
  if (!longRunning && answers.service !== undefined) {
    problem('service', `a ${kind} gets no Service: remove service, or choose a long-running workload.kind`);
  }

  const ingress = answers.ingress ?? {};
  if (ingress.enabled === true) {
    if (ingress.host === undefined) problem('ingress.host', 'required when ingress.enabled is true');
    if (!hasService) {
      problem('ingress.enabled', 'needs a Service: set service.port on a Deployment, StatefulSet or DaemonSet');
    }
    if (typeof ingress.path === 'string') {
      const path = validateIngressPath(ingress.path, ingress.pathType);
      if (path !== true) problem('ingress.path', path);
    }
    if (ingress.tls?.enabled === true && ingress.tls.issuer === undefined && answers.acmeIssuer === undefined) {
      problem('ingress.tls.issuer', 'required when ingress.tls.enabled is true (a cert-manager issuer name), unless acmeIssuer is set');
    }
  }

  problems.push(...httpRouteProblems(answers, hasService));
  problems.push(...wildcardProblems(answers));
  problems.push(...controllerProblems(answers));
  if (answers.acmeIssuer !== undefined) {
    const usesTls = (ingress.enabled === true && ingress.tls?.enabled === true) || answers.httpRoute?.gateway?.create === true;
    if (!usesTls) {
      problem('acmeIssuer', 'nothing would use it: it issues for ingress.tls or an own Gateway (httpRoute.gateway.create)');
    }
  }
  const secrets = answers.secrets ?? {};
  if (secrets.existingSecret !== undefined && secrets.externalSecret !== undefined) {
    problem('secrets.externalSecret', 'not with secrets.existingSecret: choose one source of the Secret');
  }
  for (const key of secrets.provided ?? []) {
    if (!(secrets.keys ?? []).includes(key)) problem('secrets.provided', `"${key}" is not one of secrets.keys: list it there too`);
  }
  if (secrets.externalSecret !== undefined && (secrets.keys ?? []).length === 0) {
    problem('secrets.keys', 'required with secrets.externalSecret: the keys to fetch from the store');
  }

  const autoscaling = answers.autoscaling ?? {};
  if (autoscaling.enabled === true && !REPLICATED_KINDS.includes(kind)) {
    problem('autoscaling.enabled', `only for workload.kind Deployment or StatefulSet, not ${kind}`);
  }
  const min = autoscaling.minReplicas ?? 2;
  const max = autoscaling.maxReplicas ?? 10;
  if (typeof min === 'number' && typeof max === 'number' && min > max) {
    const path = autoscaling.minReplicas !== undefined ? 'autoscaling.minReplicas' : 'autoscaling.maxReplicas';
    problem(path, `autoscaling.minReplicas (${min}) must not exceed autoscaling.maxReplicas (${max})`);
  }
  problems.push(...persistenceProblems(answers, kind));
  problems.push(...mountPathProblems(answers));
  return problems;
}

const SINGLE_NODE_MODES = ['ReadWriteOnce', 'ReadWriteOncePod'];

function persistenceProblems(answers: Partial<Answers>, kind: WorkloadKind): Problem[] {
  const persistence = answers.persistence;
  if (persistence === undefined || persistence.enabled === false) return [];
  const problems: Problem[] = [];
  if (kind === 'Deployment' && persistence.existingClaim === undefined) {
    const modes = Array.isArray(persistence.accessModes) ? persistence.accessModes : ['ReadWriteOnce'];
    const replicas = answers.workload?.replicas ?? 1;
    const scaled = answers.autoscaling?.enabled === true;
    if (modes.every((mode) => SINGLE_NODE_MODES.includes(mode)) && (scaled || (typeof replicas === 'number' && replicas > 1))) {
      problems.push({
        path: 'persistence.accessModes',
        message: `${modes.join(', ')} serves one pod only: use ReadWriteMany, or one replica without autoscaling`,
      });
    }
  }
  if (kind === 'StatefulSet' && persistence.existingClaim !== undefined) {
    problems.push({
      path: 'persistence.existingClaim',
      message: 'a StatefulSet gets a claim per pod from its volumeClaimTemplates: remove existingClaim',
    });
  }
  if (kind !== 'Deployment' && kind !== 'StatefulSet') {
    if (persistence.existingClaim === undefined) {
      problems.push({
        path: 'persistence.existingClaim',
        message: `required for a ${kind}: only a Deployment or a StatefulSet gets a claim of its own`,
      });
    }
    for (const key of ['size', 'accessModes', 'storageClass'] as const) {
      if (persistence[key] !== undefined) {
        problems.push({ path: `persistence.${key}`, message: `only for a claim the chart creates (Deployment, StatefulSet), not a ${kind}` });
      }
    }
  }
  return problems;
}

function imageProblems(answers: Partial<Answers>): Problem[] {
  const image: Partial<Answers['image']> = answers.image ?? {};
  const unpinned =
    answers.image !== undefined && image.tag === undefined && image.digest === undefined && answers.appVersion === undefined;
  if (unpinned) return [{ path: 'image.tag', message: 'required unless image.digest or appVersion is set' }];
  // Without image.tag the chart's appVersion is the tag: the kubelet refuses any other reference.
  const tagCheck = typeof answers.appVersion === 'string' && image.tag === undefined ? validateImageTag(answers.appVersion) : true;
  return tagCheck === true ? [] : [{ path: 'appVersion', message: `is the image tag while image.tag is not set, so it ${tagCheck}; or set image.tag` }];
}

function httpRouteProblems(answers: Partial<Answers>, hasService: boolean): Problem[] {
  const route = answers.httpRoute;
  if (route === undefined || route.enabled !== true) return [];
  const problems: Problem[] = [];
  if (!hasService) {
    problems.push({ path: 'httpRoute.enabled', message: 'needs a Service: set service.port on a Deployment, StatefulSet or DaemonSet' });
  }
  if (route.hostnames === undefined) problems.push({ path: 'httpRoute.hostnames', message: 'required when httpRoute.enabled is true' });
  if (typeof route.path === 'string') {
    const path = validateRoutePath(route.path);
    if (path !== true) problems.push({ path: 'httpRoute.path', message: path });
  }
  const create = route.gateway?.create === true;
  if (!create && route.parentRefs === undefined) {
    problems.push({ path: 'httpRoute.parentRefs', message: 'required unless httpRoute.gateway.create is true (the shared Gateway to attach to)' });
  }
  if (create && route.parentRefs !== undefined) {
    problems.push({ path: 'httpRoute.parentRefs', message: 'not with httpRoute.gateway.create: the route attaches to the chart\'s own Gateway' });
  }
  if (create && route.gateway?.className === undefined) {
    problems.push({ path: 'httpRoute.gateway.className', message: 'required when httpRoute.gateway.create is true (the GatewayClass, e.g. istio or cilium)' });
  }
  if (create && route.gateway?.tls?.issuer === undefined && answers.acmeIssuer === undefined) {
    problems.push({ path: 'httpRoute.gateway.tls.issuer', message: 'required when httpRoute.gateway.create is true (the cert-manager issuer of its HTTPS listeners)' });
  }
  if (!create && route.gateway !== undefined && route.gateway.create !== false) {
    problems.push({ path: 'httpRoute.gateway', message: 'only with httpRoute.gateway.create: true' });
  }
  return problems;
}

/** A controller that cannot be the source of the chart's Ingress or route traffic. */
function controllerProblems(answers: Partial<Answers>): Problem[] {
  const policy = answers.networkPolicy ?? {};
  const name = policy.ingressController;
  if (typeof name !== 'string' || !Object.hasOwn(INGRESS_CONTROLLERS, name) || policy.ingressFrom !== undefined || policy.ingressNamespace !== undefined) return [];
  const controller: IngressController = INGRESS_CONTROLLERS[name as IngressControllerName];
  const problems: Problem[] = [];
  if (answers.ingress?.enabled === true && !controller.ingress) {
    problems.push({ path: 'networkPolicy.ingressController', message: `${name} serves no Ingress objects (ingress.enabled is true): set networkPolicy.ingressFrom to the sources of both` });
  }
  if (answers.httpRoute?.enabled === true && !controller.gateway) {
    problems.push({ path: 'networkPolicy.ingressController', message: `${name} implements no Gateway API (httpRoute.enabled is true): set networkPolicy.ingressFrom to the sources of both` });
  }
  if (answers.ingress?.enabled !== true && answers.httpRoute?.enabled !== true) {
    problems.push({ path: 'networkPolicy.ingressController', message: 'only with ingress.enabled or httpRoute.enabled: nothing routes traffic to the pods' });
  }
  return problems;
}

const HTTP01_WILDCARD =
  "is a wildcard, and the chart's acmeIssuer solves HTTP-01, which cannot issue wildcards (only DNS-01 can)";

/** A wildcard host whose certificate would come from the chart's own HTTP-01 issuer. */
function wildcardProblems(answers: Partial<Answers>): Problem[] {
  if (answers.acmeIssuer === undefined) return [];
  const problems: Problem[] = [];
  const ingress = answers.ingress;
  if (ingress?.enabled === true && ingress.tls?.enabled === true && ingress.tls.issuer === undefined && typeof ingress.host === 'string' && ingress.host.startsWith('*.')) {
    problems.push({ path: 'ingress.host', message: `${HTTP01_WILDCARD}: set ingress.tls.issuer to a DNS-01 issuer` });
  }
  const route = answers.httpRoute;
  if (route?.enabled === true && route.gateway?.create === true && route.gateway.tls?.issuer === undefined && Array.isArray(route.hostnames)) {
    route.hostnames.forEach((host, i) => {
      if (typeof host === 'string' && host.startsWith('*.')) {
        problems.push({ path: `httpRoute.hostnames[${i}]`, message: `${HTTP01_WILDCARD}: set httpRoute.gateway.tls.issuer to a DNS-01 issuer` });
      }
    });
  }
  return problems;
}

/** Two volumes cannot share a mount path, and /tmp is the writable scratch folder of every pod. */
function mountPathProblems(answers: Partial<Answers>): Problem[] {
  const seen = new Map<string, string>([['/tmp', 'the writable /tmp folder every pod gets']]);
  const problems: Problem[] = [];
  const mounts: Array<[string, unknown]> = [
    ['config.mountPath', answers.config?.enabled !== false ? answers.config?.mountPath : undefined],
    ['secrets.mountPath', answers.secrets?.enabled !== false ? answers.secrets?.mountPath : undefined],
    ['persistence.mountPath', answers.persistence?.enabled !== false && answers.persistence ? (answers.persistence.mountPath ?? '/data') : undefined],
  ];
  for (const [path, mountPath] of mounts) {
    if (typeof mountPath !== 'string') continue;
    const taken = seen.get(mountPath.replace(/\/+$/, '') || '/');
    if (taken) problems.push({ path, message: `${mountPath} is already ${taken}: choose another folder` });
    else seen.set(mountPath.replace(/\/+$/, '') || '/', `${path}'s mount`);
  }
  return problems;
}
