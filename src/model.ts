// The answers as the user gives them (every key optional but the required ones), and the chart
// model they become once defaults are applied: the one input of the plan and the templates.
import type { ACCESS_MODES, WORKLOAD_KINDS, SERVICE_TYPES, PATH_TYPES, PULL_POLICIES } from './answers/schema.ts';
import { portProtocol, type ServiceProtocol } from './protocols.ts';
import type { IngressControllerName } from './controllers.ts';
import { DEFAULT_KIND, kindTraits } from './kinds/traits.ts';

export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];
export type ServiceType = (typeof SERVICE_TYPES)[number];
export type PathType = (typeof PATH_TYPES)[number];
export type PullPolicy = (typeof PULL_POLICIES)[number];
export type IssuerKind = 'ClusterIssuer' | 'Issuer';
export type AccessMode = (typeof ACCESS_MODES)[number];

/** How a probe checks the app: an HTTP GET, a TCP connection, a gRPC health check, a command. */
export interface ProbeAnswer {
  type: 'http' | 'tcp' | 'grpc' | 'exec';
  path?: string;
  command?: string[];
  service?: string;
}

/** A Gateway an HTTPRoute attaches to. */
export interface ParentRef {
  name: string;
  namespace?: string;
  sectionName?: string;
}

export interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames?: string[];
}

/** A NetworkPolicyPeer: namespaceSelector, podSelector or ipBlock. */
export type NetworkPolicyPeer = Record<string, unknown>;

/** A Kubernetes probe as it goes into values.yaml, with the chart's own `enabled` switch. */
export type ProbeValues = Record<string, unknown> & { enabled: boolean };

export interface Answers {
  name: string;
  description?: string;
  version?: string;
  appVersion?: string;
  image: { repository: string; tag?: string; digest?: string; pullPolicy?: PullPolicy };
  workload?: {
    kind?: WorkloadKind;
    replicas?: number;
    schedule?: string;
    timeZone?: string;
    /** A worker's liveness check: a command run in the container. */
    livenessCommand?: string[];
    command?: string[];
    args?: string[];
  };
  service?: {
    port?: number;
    servicePort?: number;
    protocol?: ServiceProtocol;
    type?: ServiceType;
    annotations?: Record<string, string>;
  };
  ingress?: {
    enabled?: boolean;
    className?: string;
    host?: string;
    path?: string;
    pathType?: PathType;
    annotations?: Record<string, string>;
    tls?: { enabled?: boolean; issuer?: string; issuerKind?: IssuerKind };
  };
  config?: { enabled?: boolean; data?: Record<string, string | number | boolean>; mountPath?: string };
  secrets?: {
    enabled?: boolean;
    keys?: string[];
    provided?: string[];
    mountPath?: string;
    existingSecret?: string;
    externalSecret?: { storeName?: string; storeKind?: 'ClusterSecretStore' | 'SecretStore'; remoteKey?: string };
  };
  httpRoute?: {
    enabled?: boolean;
    hostnames?: string[];
    path?: string;
    parentRefs?: ParentRef[];
    gateway?: { create?: boolean; className?: string; tls?: { issuer?: string; issuerKind?: IssuerKind } };
  };
  acmeIssuer?: { email?: string; server?: string; kind?: IssuerKind };
  probes?: { liveness?: ProbeAnswer; readiness?: ProbeAnswer; startup?: ProbeAnswer };
  rbac?: { rules?: PolicyRule[]; clusterWide?: boolean };
  networkPolicy?: {
    enabled?: boolean;
    ingressNamespace?: string;
    ingressController?: IngressControllerName;
    ingressFrom?: NetworkPolicyPeer[];
  };
  persistence?: {
    enabled?: boolean;
    size?: string;
    mountPath?: string;
    accessModes?: AccessMode[];
    storageClass?: string;
    existingClaim?: string;
  };
  autoscaling?: {
    enabled?: boolean;
    minReplicas?: number;
    maxReplicas?: number;
    targetCPUUtilizationPercentage?: number;
    targetMemoryUtilizationPercentage?: number;
  };
}

export interface ChartModel {
  name: string;
  description: string;
  version: string;
  appVersion: string;
  image: { repository: string; tag: string; digest: string; pullPolicy: PullPolicy };
  workload: {
    kind: WorkloadKind;
    replicas: number;
    schedule: string;
    timeZone: string;
    livenessCommand: string[];
    command: string[];
    args: string[];
    /** Deployment, StatefulSet, DaemonSet: pods that keep running. */
    longRunning: boolean;
    /** Deployment, StatefulSet: a replica count, autoscaling, a disruption budget. */
    replicated: boolean;
    /** A long-running kind without a port: no Service, an exec liveness probe. */
    worker: boolean;
  };
  /** Long-running pods that listen on a port get a Service; workers and batch kinds do not. */
  service: {
    enabled: boolean;
    /** The container port. */
    port: number;
    /** The Service's port; 0: the container port. */
    servicePort: number;
    protocol: ServiceProtocol;
    /** The port's name everywhere (container, Service, probes, NetworkPolicy): its protocol prefix. */
    portName: string;
    /** The Service port's appProtocol; empty for plain HTTP. */
    appProtocol: string;
    type: ServiceType;
    annotations: Record<string, string>;
  };
  ingress: {
    enabled: boolean;
    className: string;
    host: string;
    path: string;
    pathType: PathType;
    annotations: Record<string, string>;
    tls: { enabled: boolean; issuer: string; issuerKind: IssuerKind };
  };
  httpRoute: {
    enabled: boolean;
    hostnames: string[];
    path: string;
    parentRefs: ParentRef[];
    gateway: { create: boolean; className: string; issuer: string; issuerKind: IssuerKind };
  };
  /** An ACME issuer of the chart's own, used where TLS names no issuer. */
  acmeIssuer: { enabled: boolean; email: string; server: string; kind: IssuerKind };
  probes: { liveness?: ProbeValues; readiness?: ProbeValues; startup?: ProbeValues };
  rbac: { enabled: boolean; clusterWide: boolean; rules: PolicyRule[] };
  networkPolicy: {
    enabled: boolean;
    /** The namespace of the proxies, as answered; empty: the controller's, else unknown. */
    ingressNamespace: string;
    ingressController?: IngressControllerName;
    /** Peers as answered: they replace every other source. */
    ingressFrom?: NetworkPolicyPeer[];
  };
  config: { enabled: boolean; data: Record<string, string>; mountPath: string };
  secrets: {
    enabled: boolean;
    keys: string[];
    /** Keys whose values the user provides: never generated. */
    provided: string[];
    mountPath: string;
    existingSecret: string;
    externalSecret: { enabled: boolean; storeName: string; storeKind: 'ClusterSecretStore' | 'SecretStore'; remoteKey: string };
  };
  persistence: {
    enabled: boolean;
    size: string;
    mountPath: string;
    accessModes: AccessMode[];
    storageClass: string;
    existingClaim: string;
  };
  autoscaling: {
    enabled: boolean;
    minReplicas: number;
    maxReplicas: number;
    targetCPUUtilizationPercentage: number;
    targetMemoryUtilizationPercentage: number;
  };
}

export const LETS_ENCRYPT = 'https://acme-v02.api.letsencrypt.org/directory';

/** Applies the documented defaults. The answers must have passed validateAnswers first.
 * `chartVersion` is the version an update keeps (or bumps) when the answers set none. */
export function toModel(answers: Answers, chartVersion = '0.1.0'): ChartModel {
  const kind = answers.workload?.kind ?? DEFAULT_KIND;
  const traits = kindTraits(kind);
  const port = answers.service?.port ?? 0;
  const ingress = answers.ingress ?? {};
  const tls = ingress.tls ?? {};
  const config = answers.config ?? {};
  const secrets = answers.secrets ?? {};
  const autoscaling = answers.autoscaling ?? {};
  const persistence = answers.persistence ?? {};
  const appVersion = answers.appVersion ?? answers.image.tag ?? '';
  return {
    name: answers.name,
    description: answers.description ?? `A Helm chart for ${answers.name}`,
    version: answers.version ?? chartVersion,
    appVersion,
    image: {
      repository: answers.image.repository,
      // An empty tag in values means "appVersion" (see the image helper), as in `helm create`.
      tag: answers.image.tag !== undefined && answers.image.tag !== answers.appVersion ? answers.image.tag : '',
      digest: answers.image.digest ?? '',
      pullPolicy: answers.image.pullPolicy ?? 'IfNotPresent',
    },
    workload: {
      kind,
      replicas: answers.workload?.replicas ?? 1,
      schedule: answers.workload?.schedule ?? '',
      timeZone: answers.workload?.timeZone ?? (traits.scheduled ? 'Etc/UTC' : ''),
      livenessCommand: answers.workload?.livenessCommand ?? [],
      command: answers.workload?.command ?? [],
      args: answers.workload?.args ?? [],
      longRunning: traits.longRunning,
      replicated: traits.replicated,
      worker: traits.longRunning && port === 0,
    },
    service: {
      enabled: port > 0 && traits.longRunning,
      port,
      servicePort: answers.service?.servicePort ?? 0,
      protocol: answers.service?.protocol ?? 'http',
      portName: portProtocol(answers.service?.protocol).name,
      appProtocol: portProtocol(answers.service?.protocol).appProtocol ?? '',
      type: answers.service?.type ?? 'ClusterIP',
      annotations: answers.service?.annotations ?? {},
    },
    ingress: {
      enabled: ingress.enabled ?? false,
      className: ingress.className ?? '',
      host: ingress.host ?? '',
      path: ingress.path ?? '/',
      pathType: ingress.pathType ?? 'Prefix',
      annotations: ingress.annotations ?? {},
      tls: {
        enabled: tls.enabled ?? false,
        issuer: tls.issuer ?? '',
        issuerKind: tls.issuerKind ?? 'ClusterIssuer',
      },
    },
    httpRoute: {
      enabled: answers.httpRoute?.enabled ?? false,
      hostnames: answers.httpRoute?.hostnames ?? [],
      path: answers.httpRoute?.path ?? '/',
      parentRefs: answers.httpRoute?.parentRefs ?? [],
      gateway: {
        create: answers.httpRoute?.gateway?.create ?? false,
        className: answers.httpRoute?.gateway?.className ?? '',
        issuer: answers.httpRoute?.gateway?.tls?.issuer ?? '',
        issuerKind: answers.httpRoute?.gateway?.tls?.issuerKind ?? 'ClusterIssuer',
      },
    },
    acmeIssuer: {
      enabled: answers.acmeIssuer !== undefined,
      email: answers.acmeIssuer?.email ?? '',
      server: answers.acmeIssuer?.server ?? LETS_ENCRYPT,
      kind: answers.acmeIssuer?.kind ?? 'Issuer',
    },
    probes: probeValues(answers, port),
    rbac: {
      enabled: (answers.rbac?.rules ?? []).length > 0,
      clusterWide: answers.rbac?.clusterWide ?? false,
      rules: answers.rbac?.rules ?? [],
    },
    networkPolicy: {
      enabled: answers.networkPolicy?.enabled ?? true,
      ingressNamespace: answers.networkPolicy?.ingressNamespace ?? '',
      ...(answers.networkPolicy?.ingressController ? { ingressController: answers.networkPolicy.ingressController } : {}),
      ...(answers.networkPolicy?.ingressFrom ? { ingressFrom: answers.networkPolicy.ingressFrom } : {}),
    },
    config: {
      enabled: config.enabled ?? Object.keys(config.data ?? {}).length > 0,
      data: Object.fromEntries(Object.entries(config.data ?? {}).map(([key, value]) => [key, String(value)])),
      mountPath: config.mountPath ?? '',
    },
    secrets: {
      enabled: secrets.enabled ?? ((secrets.keys ?? []).length > 0 || secrets.existingSecret !== undefined),
      keys: secrets.keys ?? [],
      provided: secrets.provided ?? [],
      mountPath: secrets.mountPath ?? '',
      existingSecret: secrets.existingSecret ?? '',
      externalSecret: {
        enabled: secrets.externalSecret !== undefined,
        storeName: secrets.externalSecret?.storeName ?? '',
        storeKind: secrets.externalSecret?.storeKind ?? 'ClusterSecretStore',
        remoteKey: secrets.externalSecret?.remoteKey ?? answers.name,
      },
    },
    persistence: {
      enabled: persistence.enabled ?? answers.persistence !== undefined,
      size: persistence.size ?? '1Gi',
      mountPath: persistence.mountPath ?? '/data',
      accessModes: persistence.accessModes ?? ['ReadWriteOnce'],
      storageClass: persistence.storageClass ?? '',
      existingClaim: persistence.existingClaim ?? '',
    },
    autoscaling: {
      enabled: autoscaling.enabled ?? false,
      minReplicas: autoscaling.minReplicas ?? 2,
      maxReplicas: autoscaling.maxReplicas ?? 10,
      targetCPUUtilizationPercentage: autoscaling.targetCPUUtilizationPercentage ?? 70,
      targetMemoryUtilizationPercentage: autoscaling.targetMemoryUtilizationPercentage ?? 0,
    },
  };
}

/** A probe on the app's port: by its name (http, tcp), so it follows service.port in values; a gRPC
 * probe takes a number only, which the pod template fills in from service.port. */
function probe(answer: ProbeAnswer, portName: string): Record<string, unknown> {
  switch (answer.type) {
    case 'http':
      return { httpGet: { path: answer.path ?? '/', port: portName } };
    case 'grpc':
      return { grpc: answer.service ? { service: answer.service } : {} };
    case 'exec':
      return { exec: { command: answer.command ?? [] } };
    default:
      return { tcpSocket: { port: portName } };
  }
}

/** The probes of a long-running app: those the answers chose, else a TCP check on its port
 * (never an invented HTTP path); a worker's liveness runs its command; batch kinds get none. */
function probeValues(answers: Answers, port: number): ChartModel['probes'] {
  const portName = portProtocol(answers.service?.protocol).name;
  if (!kindTraits(answers.workload?.kind ?? DEFAULT_KIND).longRunning) return {};
  if (port === 0) {
    return { liveness: { enabled: true, exec: { command: answers.workload?.livenessCommand ?? [] } } };
  }
  const chosen = answers.probes ?? {};
  const tcp: ProbeAnswer = { type: 'tcp' };
  return {
    liveness: { enabled: true, ...probe(chosen.liveness ?? tcp, portName) },
    readiness: { enabled: true, ...probe(chosen.readiness ?? chosen.liveness ?? tcp, portName) },
    startup: { enabled: chosen.startup !== undefined, ...probe(chosen.startup ?? chosen.liveness ?? tcp, portName), failureThreshold: 30, periodSeconds: 5 },
  };
}
