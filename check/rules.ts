// The policy every chart k8s-chart writes must pass, checked on the rendered manifests (the output
// of `helm template`). RULES is one table; each rule is a few lines over the shared walkers below
// (pods, containers, label selectors), and each finding names the object and the field to change.
//
// A chart must pass on every Kubernetes it admits (kubeVersion ">=1.28.0-0"), so the Pod Security
// checks take the strictest reading over those versions: allow lists as they stood in 1.28 (later
// additions are reported with the version that allows them), restrictions added later (probe
// hosts, 1.34) included, relaxations added later (pods in a user namespace, 1.35) not applied.

import { KINDS } from '../src/kinds/traits.ts';

/** A rendered Kubernetes object; fields are read defensively, the input is not validated. */
export interface K8sObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: any;
}

export interface Finding {
  /** the rule's id, e.g. "pss-run-as-non-root" */
  rule: string;
  /** "Kind/name" */
  object: string;
  /** where in the object, e.g. "spec.template.spec.containers[0].securityContext.runAsNonRoot" */
  path: string;
  message: string;
}

export interface Rule {
  id: string;
  title: string;
  check(objects: K8sObject[]): Finding[];
}

/** The oldest Kubernetes minor version the generated charts admit. */
export const OLDEST_KUBERNETES_MINOR = 28;

// ---------------------------------------------------------------------------------------------
// Reading objects

type Obj = Record<string, any>;
interface Problem {
  path: string;
  message: string;
}

const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const obj = (value: unknown): Obj => (isObj(value) ? value : {});
const list = (value: unknown): any[] => (Array.isArray(value) ? value : []);
/** Set, in the API's sense: present and not null. */
const given = (value: unknown): boolean => value !== undefined && value !== null;
/** For the fields whose only allowed values are unset and false. */
const notFalse = (value: unknown): boolean => given(value) && value !== false;
const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? 'nothing');
const idOf = (object: K8sObject): string => `${object.kind}/${object.metadata?.name ?? '(no name)'}`;
const when = (condition: boolean, path: string, message: string): Problem[] => (condition ? [{ path, message }] : []);
const stringMap = (value: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(obj(value)).map(([key, item]) => [key, String(item)]));

/** A label selector (matchLabels and matchExpressions) against a set of labels. */
function selects(selector: unknown, labels: Record<string, string>): boolean {
  if (!isObj(selector)) return false;
  const equal = Object.entries(obj(selector.matchLabels)).every(([key, value]) => labels[key] === String(value));
  return (
    equal &&
    list(selector.matchExpressions).every((expression) => {
      const has = Object.hasOwn(labels, expression?.key);
      const values = list(expression?.values).map(String);
      switch (expression?.operator) {
        case 'In':
          return has && values.includes(labels[expression.key] ?? '');
        case 'NotIn':
          return !has || !values.includes(labels[expression.key] ?? '');
        case 'Exists':
          return has;
        case 'DoesNotExist':
          return !has;
        default:
          return false;
      }
    })
  );
}

/** Two label selectors written the same way (key order aside). */
function sameSelector(a: unknown, b: unknown): boolean {
  const canonical = (selector: unknown) =>
    JSON.stringify([Object.entries(stringMap(obj(selector).matchLabels)).sort(), list(obj(selector).matchExpressions)]);
  return isObj(a) && isObj(b) && canonical(a) === canonical(b);
}

// ---------------------------------------------------------------------------------------------
// Pods and containers

// The workload kinds the generator writes are those of its kinds table; a chart may hold two more,
// which the generator never writes: a Pod (e.g. a `helm test` hook) and a ReplicaSet.
const REPLICA_SET = 'ReplicaSet';

/** Where each kind keeps its pod template ('' for a Pod itself). */
const POD_TEMPLATES: Record<string, string> = {
  Pod: '',
  ...Object.fromEntries(KINDS.map((traits) => [traits.kind, traits.podTemplatePath])),
  [REPLICA_SET]: 'spec.template',
};
const LONG_RUNNING_KINDS = [...KINDS.filter((traits) => traits.longRunning).map((traits) => traits.kind), REPLICA_SET];
/** The kinds with a replica count, which a disruption budget guards. */
const REPLICATED_KINDS = [...KINDS.filter((traits) => traits.replicated).map((traits) => traits.kind), REPLICA_SET];

interface Pod {
  object: K8sObject;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** path of the pod's metadata, e.g. "spec.template.metadata" */
  meta: string;
  spec: Obj;
  /** path of the pod spec, e.g. "spec.template.spec" */
  path: string;
}

function podOf(object: K8sObject): Pod | undefined {
  const at = POD_TEMPLATES[object.kind ?? ''];
  if (at === undefined) return undefined;
  const template = at === '' ? object : at.split('.').reduce<any>((node, key) => obj(node)[key], object);
  if (!isObj(template) || !isObj(template.spec)) return undefined;
  const prefix = at === '' ? '' : `${at}.`;
  const metadata = obj(template.metadata);
  return {
    object,
    labels: stringMap(metadata.labels),
    annotations: stringMap(metadata.annotations),
    meta: `${prefix}metadata`,
    spec: template.spec,
    path: `${prefix}spec`,
  };
}

/** A Helm hook (`helm test` pods, upgrade Jobs) runs to completion: it is never long-running. */
const isHelmHook = (pod: Pod): boolean => given(obj(pod.object.metadata?.annotations)['helm.sh/hook']);

/** Pods of Deployments, StatefulSets, DaemonSets, ReplicaSets, and Pods that restart always. */
function isLongRunning(pod: Pod): boolean {
  if (LONG_RUNNING_KINDS.includes(pod.object.kind ?? '')) return true;
  return pod.object.kind === 'Pod' && !isHelmHook(pod) && (pod.spec.restartPolicy ?? 'Always') === 'Always';
}

/** Windows pods are exempt from the Linux-only checks (privilege escalation, capabilities, seccomp). */
const isWindows = (pod: Pod): boolean => obj(pod.spec.os).name === 'windows';

type Group = 'containers' | 'initContainers' | 'ephemeralContainers';
const ALL_GROUPS: Group[] = ['containers', 'initContainers', 'ephemeralContainers'];

interface Container {
  container: Obj;
  /** e.g. "spec.template.spec.containers[0]" */
  path: string;
  group: Group;
  /** its securityContext, {} when unset */
  sc: Obj;
}

function containersOf(pod: Pod, groups: Group[] = ALL_GROUPS): Container[] {
  return groups.flatMap((group) =>
    list(pod.spec[group]).flatMap((container, index) =>
      isObj(container)
        ? [{ container, path: `${pod.path}.${group}[${index}]`, group, sc: obj(container.securityContext) }]
        : [],
    ),
  );
}

/** The app containers and the sidecars (init containers with restartPolicy Always). */
const longRunningContainers = (pod: Pod): Container[] =>
  containersOf(pod, ['containers', 'initContainers']).filter(
    (c) => c.group === 'containers' || c.container.restartPolicy === 'Always',
  );

/** The pod's security context and each container's, with their paths. */
function securityContexts(pod: Pod): Array<{ sc: Obj; path: string }> {
  return [
    { sc: obj(pod.spec.securityContext), path: `${pod.path}.securityContext` },
    ...containersOf(pod).map((c) => ({ sc: c.sc, path: `${c.path}.securityContext` })),
  ];
}

// ---------------------------------------------------------------------------------------------
// The chart: every object, and every pod found in them

interface Chart {
  objects: K8sObject[];
  pods: Pod[];
  ofKind(kind: string): K8sObject[];
}

function chartOf(objects: K8sObject[]): Chart {
  const pods = objects.flatMap((object) => podOf(object) ?? []);
  return { objects, pods, ofKind: (kind) => objects.filter((object) => object.kind === kind) };
}

const serviceOf = (chart: Chart, name: unknown) => chart.ofKind('Service').find((service) => service.metadata?.name === name);
const servicePorts = (service: K8sObject): Obj[] => list(service.spec?.ports).map(obj);

/** A Service's selector is a plain map; an empty or missing one selects nothing. */
function serviceSelects(service: K8sObject, pod: Pod): boolean {
  const selector = obj(service.spec?.selector);
  return Object.keys(selector).length > 0 && selects({ matchLabels: selector }, pod.labels);
}

function scaleTargetOf(chart: Chart, hpa: K8sObject): K8sObject | undefined {
  const ref = obj(hpa.spec?.scaleTargetRef);
  return chart.objects.find((object) => object.kind === ref.kind && object.metadata?.name === ref.name);
}

/** Whether a RoleBinding or ClusterRoleBinding of the chart names this ServiceAccount. */
function isBound(chart: Chart, account: string, namespace: string | undefined): boolean {
  return [...chart.ofKind('RoleBinding'), ...chart.ofKind('ClusterRoleBinding')].some((binding) =>
    list(binding.subjects).some(
      (subject) =>
        subject?.kind === 'ServiceAccount' &&
        subject.name === account &&
        (!given(subject.namespace) || !given(namespace) || subject.namespace === namespace),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Rule builders: each check returns the problems of one pod, container or object

function defineRule(id: string, title: string, check: (chart: Chart) => Array<{ object: K8sObject } & Problem>): Rule {
  return {
    id,
    title,
    check: (objects) =>
      check(chartOf(objects)).map(({ object, path, message }) => ({ rule: id, object: idOf(object), path, message })),
  };
}

function podRule(id: string, title: string, check: (pod: Pod, chart: Chart) => Problem[]): Rule {
  return defineRule(id, title, (chart) =>
    chart.pods.flatMap((pod) => check(pod, chart).map((problem) => ({ object: pod.object, ...problem }))),
  );
}

function containerRule(
  id: string,
  title: string,
  groups: Group[],
  check: (c: Container, pod: Pod) => Problem[],
): Rule {
  return podRule(id, title, (pod) => containersOf(pod, groups).flatMap((c) => check(c, pod)));
}

function objectRule(id: string, title: string, kinds: string[], check: (object: K8sObject, chart: Chart) => Problem[]): Rule {
  return defineRule(id, title, (chart) =>
    chart.objects
      .filter((object) => kinds.length === 0 || kinds.includes(object.kind ?? ''))
      .flatMap((object) => check(object, chart).map((problem) => ({ object, ...problem }))),
  );
}

// ---------------------------------------------------------------------------------------------
// Tables

/** Each allowed value with the Kubernetes minor version whose Pod Security admits it. */
const SAFE_SYSCTLS: Record<string, number> = {
  'kernel.shm_rmid_forced': 0,
  'net.ipv4.ip_local_port_range': 0,
  'net.ipv4.tcp_syncookies': 0,
  'net.ipv4.ping_group_range': 0,
  'net.ipv4.ip_unprivileged_port_start': 0,
  'net.ipv4.ip_local_reserved_ports': 27,
  'net.ipv4.tcp_keepalive_time': 29,
  'net.ipv4.tcp_fin_timeout': 29,
  'net.ipv4.tcp_keepalive_intvl': 29,
  'net.ipv4.tcp_keepalive_probes': 29,
  'net.ipv4.tcp_rmem': 32,
  'net.ipv4.tcp_wmem': 32,
  'net.ipv4.tcp_slow_start_after_idle': 37,
  'net.ipv4.tcp_notsent_lowat': 37,
};
const SELINUX_TYPES: Record<string, number> = {
  '': 0,
  container_t: 0,
  container_init_t: 0,
  container_kvm_t: 0,
  container_engine_t: 31,
};

/** Why `value` is not allowed by a versioned allow list, or undefined when it is. */
function notAllowed(table: Record<string, number>, value: unknown, what: string): string | undefined {
  const since = typeof value === 'string' && Object.hasOwn(table, value) ? table[value] : undefined;
  if (since === undefined) return `${show(value)} is not ${what}`;
  if (since > OLDEST_KUBERNETES_MINOR) {
    return `${value} is ${what} only from Kubernetes 1.${since}; the chart admits 1.${OLDEST_KUBERNETES_MINOR}`;
  }
  return undefined;
}

const SECCOMP_TYPES = ['RuntimeDefault', 'Localhost'];
const APPARMOR_TYPES = ['RuntimeDefault', 'Localhost'];
const APPARMOR_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';
/** The inline volume sources the restricted profile allows (hostPath has its own rule). */
const VOLUME_TYPES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret'];
const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];
const SECRET_NAME = /PASSW(OR)?D|PASSPHRASE|TOKEN|API_?KEY|SECRET|PRIVATE_?KEY|CREDENTIAL/i;
const OCI_DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

/** API versions Kubernetes no longer serves: [apiVersion, removed in, what to use]. */
const REMOVED_API_VERSIONS: Array<[string, string, string]> = [
  ['extensions/v1beta1', '1.16 (Ingress 1.22)', 'apps/v1 for workloads, networking.k8s.io/v1 for Ingress and NetworkPolicy'],
  ['apps/v1beta1', '1.16', 'apps/v1'],
  ['apps/v1beta2', '1.16', 'apps/v1'],
  ['networking.k8s.io/v1beta1', '1.22', 'networking.k8s.io/v1'],
  ['rbac.authorization.k8s.io/v1beta1', '1.22', 'rbac.authorization.k8s.io/v1'],
  ['rbac.authorization.k8s.io/v1alpha1', '1.22', 'rbac.authorization.k8s.io/v1'],
  ['admissionregistration.k8s.io/v1beta1', '1.22', 'admissionregistration.k8s.io/v1'],
  ['apiextensions.k8s.io/v1beta1', '1.22', 'apiextensions.k8s.io/v1'],
  ['apiregistration.k8s.io/v1beta1', '1.22', 'apiregistration.k8s.io/v1'],
  ['authentication.k8s.io/v1beta1', '1.22', 'authentication.k8s.io/v1'],
  ['authorization.k8s.io/v1beta1', '1.22', 'authorization.k8s.io/v1'],
  ['certificates.k8s.io/v1beta1', '1.22', 'certificates.k8s.io/v1'],
  ['coordination.k8s.io/v1beta1', '1.22', 'coordination.k8s.io/v1'],
  ['scheduling.k8s.io/v1beta1', '1.22', 'scheduling.k8s.io/v1'],
  ['storage.k8s.io/v1beta1', '1.22 (CSIStorageCapacity 1.27)', 'storage.k8s.io/v1'],
  ['batch/v1beta1', '1.25', 'batch/v1'],
  ['policy/v1beta1', '1.25', 'policy/v1 (PodSecurityPolicy has no successor: use Pod Security admission)'],
  ['autoscaling/v2beta1', '1.25', 'autoscaling/v2'],
  ['discovery.k8s.io/v1beta1', '1.25', 'discovery.k8s.io/v1'],
  ['events.k8s.io/v1beta1', '1.25', 'events.k8s.io/v1'],
  ['node.k8s.io/v1beta1', '1.25', 'node.k8s.io/v1'],
  ['autoscaling/v2beta2', '1.26', 'autoscaling/v2'],
  ['flowcontrol.apiserver.k8s.io/v1beta1', '1.26', 'flowcontrol.apiserver.k8s.io/v1'],
  ['flowcontrol.apiserver.k8s.io/v1beta2', '1.29', 'flowcontrol.apiserver.k8s.io/v1'],
  ['flowcontrol.apiserver.k8s.io/v1beta3', '1.32', 'flowcontrol.apiserver.k8s.io/v1'],
];

/** Why an image reference is not pinned, or undefined when it is. */
function unpinned(image: unknown): string | undefined {
  if (typeof image !== 'string' || image === '') return 'no image';
  const at = image.indexOf('@');
  if (at >= 0) return OCI_DIGEST.test(image.slice(at + 1)) ? undefined : `${image}: not a valid digest after @`;
  const colon = image.indexOf(':', image.lastIndexOf('/') + 1);
  const tag = colon < 0 ? '' : image.slice(colon + 1);
  if (tag === '') return `${image} has no tag, so it pulls whatever latest is`;
  if (tag === 'latest') return `${image} is the moving latest tag`;
  return undefined;
}

function ingressBackends(ingress: K8sObject): Array<{ path: string; backend: Obj }> {
  const backends = given(ingress.spec?.defaultBackend) ? [{ path: 'spec.defaultBackend', backend: obj(ingress.spec.defaultBackend) }] : [];
  list(ingress.spec?.rules).forEach((rule, i) =>
    list(obj(obj(rule).http).paths).forEach((entry, j) =>
      backends.push({ path: `spec.rules[${i}].http.paths[${j}].backend`, backend: obj(obj(entry).backend) }),
    ),
  );
  return backends;
}

function ingressBackendProblems(chart: Chart, path: string, backend: Obj): Problem[] {
  if (!isObj(backend.service)) return [{ path, message: 'is not a Service of the chart' }];
  const { name, port } = backend.service;
  const service = serviceOf(chart, name);
  if (!service) return [{ path: `${path}.service.name`, message: `${show(name)} is not a Service of the chart` }];
  const ports = servicePorts(service);
  if (given(obj(port).number)) {
    return when(!ports.some((p) => p.port === port.number), `${path}.service.port.number`, `${idOf(service)} has no port ${show(port.number)}`);
  }
  if (given(obj(port).name)) {
    return when(!ports.some((p) => p.name === port.name), `${path}.service.port.name`, `${idOf(service)} has no port named ${show(port.name)}`);
  }
  return [{ path: `${path}.service.port`, message: `is missing: name a port of ${idOf(service)}` }];
}

function routeBackendProblems(chart: Chart, path: string, ref: Obj): Problem[] {
  const kind = `${ref.group ? `${ref.group}/` : ''}${ref.kind ?? 'Service'}`;
  if (kind !== 'Service') return [{ path, message: `${kind} is not a Service of the chart` }];
  const service = serviceOf(chart, ref.name);
  if (!service) return [{ path: `${path}.name`, message: `${show(ref.name)} is not a Service of the chart` }];
  return when(!servicePorts(service).some((p) => p.port === ref.port), `${path}.port`, `${idOf(service)} has no port ${show(ref.port)}`);
}

function httpRouteBackends(route: K8sObject): Array<{ path: string; ref: Obj }> {
  return list(route.spec?.rules).flatMap((rule, i) => [
    ...list(obj(rule).backendRefs).map((ref, j) => ({ path: `spec.rules[${i}].backendRefs[${j}]`, ref: obj(ref) })),
    ...list(obj(rule).filters).flatMap((filter, k) =>
      isObj(filter?.requestMirror?.backendRef)
        ? [{ path: `spec.rules[${i}].filters[${k}].requestMirror.backendRef`, ref: filter.requestMirror.backendRef }]
        : [],
    ),
  ]);
}

// ---------------------------------------------------------------------------------------------
// The rules

export const RULES: readonly Rule[] = [
  // Pod Security Standards, restricted profile: every control, pod-level and container-level
  // fields read as the PodSecurity admission controller reads them.
  podRule('pss-host-process', 'PSS: no Windows HostProcess pod or container', (pod) =>
    securityContexts(pod).flatMap(({ sc, path }) =>
      when(
        notFalse(obj(sc.windowsOptions).hostProcess),
        `${path}.windowsOptions.hostProcess`,
        'must not be true: it gives privileged access to the Windows node',
      ),
    ),
  ),
  podRule('pss-host-namespaces', 'PSS: no host network, PID or IPC namespace', (pod) =>
    ['hostNetwork', 'hostPID', 'hostIPC'].flatMap((field) =>
      when(notFalse(pod.spec[field]), `${pod.path}.${field}`, "must not be true: the pod would share the node's namespace"),
    ),
  ),
  containerRule('pss-privileged', 'PSS: no privileged container', ALL_GROUPS, (c) =>
    when(notFalse(c.sc.privileged), `${c.path}.securityContext.privileged`, 'must not be true: a privileged container is root on the node'),
  ),
  containerRule('pss-capabilities', 'PSS: drop ALL capabilities, add none but NET_BIND_SERVICE', ALL_GROUPS, (c, pod) => {
    if (isWindows(pod)) return [];
    const capabilities = obj(c.sc.capabilities);
    return [
      ...when(!list(capabilities.drop).includes('ALL'), `${c.path}.securityContext.capabilities.drop`, 'must include ALL'),
      ...list(capabilities.add).flatMap((capability, i) =>
        when(
          capability !== 'NET_BIND_SERVICE',
          `${c.path}.securityContext.capabilities.add[${i}]`,
          `${show(capability)} must not be added: only NET_BIND_SERVICE may be`,
        ),
      ),
    ];
  }),
  podRule('pss-host-path-volumes', 'PSS: no hostPath volume', (pod) =>
    list(pod.spec.volumes).flatMap((volume, i) =>
      when(given(obj(volume).hostPath), `${pod.path}.volumes[${i}].hostPath`, "must not be used: it exposes the node's file system"),
    ),
  ),
  containerRule('pss-host-ports', 'PSS: no host port', ALL_GROUPS, (c) =>
    list(c.container.ports).flatMap((port, i) => {
      const hostPort = obj(port).hostPort;
      return when(given(hostPort) && hostPort !== 0, `${c.path}.ports[${i}].hostPort`, `must not be set (${show(hostPort)}): use a Service`);
    }),
  ),
  podRule('pss-apparmor', 'PSS: AppArmor profile RuntimeDefault or Localhost only', (pod) => [
    ...securityContexts(pod).flatMap(({ sc, path }) => {
      const type = obj(sc.appArmorProfile).type;
      const bad = given(sc.appArmorProfile) && !APPARMOR_TYPES.includes(type);
      return when(bad, `${path}.appArmorProfile.type`, `must be RuntimeDefault or Localhost, not ${show(type)}`);
    }),
    ...Object.entries(pod.annotations).flatMap(([key, value]) =>
      when(
        key.startsWith(APPARMOR_ANNOTATION) && !(value === '' || value === 'runtime/default' || value.startsWith('localhost/')),
        `${pod.meta}.annotations["${key}"]`,
        `must be runtime/default or localhost/<profile>, not ${value}`,
      ),
    ),
  ]),
  podRule('pss-selinux', 'PSS: no custom SELinux user or role, only container SELinux types', (pod) =>
    securityContexts(pod).flatMap(({ sc, path }) => {
      if (!given(sc.seLinuxOptions)) return [];
      const options = obj(sc.seLinuxOptions);
      const badType = notAllowed(SELINUX_TYPES, options.type ?? '', 'an allowed SELinux type (container_t, container_init_t, container_kvm_t)');
      return [
        ...(badType ? [{ path: `${path}.seLinuxOptions.type`, message: badType }] : []),
        ...['user', 'role'].flatMap((key) =>
          when(given(options[key]) && options[key] !== '', `${path}.seLinuxOptions.${key}`, 'must not be set'),
        ),
      ];
    }),
  ),
  containerRule('pss-proc-mount', 'PSS: the default /proc mount', ALL_GROUPS, (c) =>
    when(
      given(c.sc.procMount) && c.sc.procMount !== 'Default',
      `${c.path}.securityContext.procMount`,
      `must be Default, not ${show(c.sc.procMount)}`,
    ),
  ),
  podRule('pss-seccomp', 'PSS: seccomp profile RuntimeDefault or Localhost', (pod) => {
    if (isWindows(pod)) return [];
    const podProfile = obj(pod.spec.securityContext).seccompProfile;
    const podValid = given(podProfile) && SECCOMP_TYPES.includes(obj(podProfile).type);
    return [
      ...when(
        given(podProfile) && !podValid,
        `${pod.path}.securityContext.seccompProfile.type`,
        `must be RuntimeDefault or Localhost, not ${show(obj(podProfile).type)}`,
      ),
      ...containersOf(pod).flatMap((c) => {
        const path = `${c.path}.securityContext.seccompProfile.type`;
        if (given(c.sc.seccompProfile)) {
          const type = obj(c.sc.seccompProfile).type;
          return when(!SECCOMP_TYPES.includes(type), path, `must be RuntimeDefault or Localhost, not ${show(type)}`);
        }
        return when(!podValid, path, `must be RuntimeDefault or Localhost, here or for the pod (${pod.path}.securityContext.seccompProfile.type)`);
      }),
    ];
  }),
  podRule('pss-sysctls', 'PSS: only safe sysctls', (pod) =>
    list(obj(pod.spec.securityContext).sysctls).flatMap((sysctl, i) => {
      const problem = notAllowed(SAFE_SYSCTLS, obj(sysctl).name, 'a safe sysctl');
      return problem ? [{ path: `${pod.path}.securityContext.sysctls[${i}].name`, message: problem }] : [];
    }),
  ),
  containerRule('pss-probe-host', 'PSS: no host in probes and lifecycle hooks', ALL_GROUPS, (c) => {
    const handlers = [
      ...PROBES.map((probe) => ({ path: `${c.path}.${probe}`, handler: c.container[probe] })),
      ...['postStart', 'preStop'].map((hook) => ({ path: `${c.path}.lifecycle.${hook}`, handler: obj(c.container.lifecycle)[hook] })),
    ];
    return handlers.flatMap(({ path, handler }) =>
      ['httpGet', 'tcpSocket'].flatMap((action) => {
        const host = obj(obj(handler)[action]).host;
        return when(given(host) && host !== '', `${path}.${action}.host`, `must not be set (${show(host)}): probes and hooks reach the pod itself`);
      }),
    );
  }),
  podRule('pss-volume-types', `PSS: only ${VOLUME_TYPES.join(', ')} volumes`, (pod) =>
    list(pod.spec.volumes).flatMap((volume, i) => {
      const sources = Object.keys(obj(volume)).filter((key) => key !== 'name' && given(volume[key]));
      // A volume with no source defaults to emptyDir; hostPath is reported by pss-host-path-volumes.
      if (sources.length === 0 || sources.includes('hostPath') || sources.some((source) => VOLUME_TYPES.includes(source))) return [];
      const message = `${sources[0]} volumes are not allowed: use a PersistentVolumeClaim or one of ${VOLUME_TYPES.join(', ')}`;
      return [{ path: `${pod.path}.volumes[${i}].${sources[0]}`, message }];
    }),
  ),
  containerRule('pss-allow-privilege-escalation', 'PSS: allowPrivilegeEscalation false', ALL_GROUPS, (c, pod) =>
    when(!isWindows(pod) && c.sc.allowPrivilegeEscalation !== false, `${c.path}.securityContext.allowPrivilegeEscalation`, 'must be false'),
  ),
  podRule('pss-run-as-non-root', 'PSS: runAsNonRoot true', (pod) => {
    const podValue = obj(pod.spec.securityContext).runAsNonRoot;
    return [
      ...when(given(podValue) && podValue !== true, `${pod.path}.securityContext.runAsNonRoot`, `must be true, not ${show(podValue)}`),
      ...containersOf(pod).flatMap((c) => {
        const path = `${c.path}.securityContext.runAsNonRoot`;
        if (given(c.sc.runAsNonRoot)) return when(c.sc.runAsNonRoot !== true, path, `must be true, not ${show(c.sc.runAsNonRoot)}`);
        return when(podValue !== true, path, `must be true, here or for the pod (${pod.path}.securityContext.runAsNonRoot)`);
      }),
    ];
  }),
  podRule('pss-run-as-user', 'PSS: runAsUser not 0', (pod) =>
    securityContexts(pod).flatMap(({ sc, path }) => when(sc.runAsUser === 0, `${path}.runAsUser`, 'must not be 0 (root)')),
  ),

  // Resources, probes, file system, images, secrets
  containerRule(
    'container-resources',
    'every container and init container requests CPU and memory and has a memory limit',
    ['containers', 'initContainers'],
    (c) =>
      (
        [
          ['requests', 'cpu', 'the scheduler places the pod by its requests'],
          ['requests', 'memory', 'the scheduler places the pod by its requests'],
          ['limits', 'memory', "without it one container can take the node's memory"],
        ] as const
      ).flatMap(([field, resource, why]) => {
        const value = obj(obj(c.container.resources)[field])[resource];
        return when(!given(value) || value === '', `${c.path}.resources.${field}.${resource}`, `is missing: ${why}`);
      }),
  ),
  podRule('liveness-probe', 'every long-running container has a liveness probe', (pod) =>
    isLongRunning(pod)
      ? longRunningContainers(pod).flatMap((c) =>
          when(!given(c.container.livenessProbe), `${c.path}.livenessProbe`, 'is missing: a hung container is never restarted'),
        )
      : [],
  ),
  podRule('readiness-probe', 'every container of a pod a Service selects has a readiness probe', (pod, chart) => {
    const service = isHelmHook(pod) ? undefined : chart.ofKind('Service').find((s) => serviceSelects(s, pod));
    if (!service) return [];
    return longRunningContainers(pod).flatMap((c) =>
      when(!given(c.container.readinessProbe), `${c.path}.readinessProbe`, `is missing: ${idOf(service)} sends traffic before the app is ready`),
    );
  }),
  containerRule('read-only-root-filesystem', 'every container has a read-only root file system', ALL_GROUPS, (c) =>
    when(
      c.sc.readOnlyRootFilesystem !== true,
      `${c.path}.securityContext.readOnlyRootFilesystem`,
      'must be true: mount an emptyDir where the app writes',
    ),
  ),
  containerRule('image-pinned', 'every image is pinned by a tag other than latest or by a digest', ALL_GROUPS, (c) => {
    const problem = unpinned(c.container.image);
    return problem ? [{ path: `${c.path}.image`, message: `${problem}: pin a version tag or a digest` }] : [];
  }),
  containerRule('no-secret-in-env', 'no secret-like env variable (PASSWORD, TOKEN, API_KEY, SECRET...) with a literal value', ALL_GROUPS, (c) =>
    list(c.container.env).flatMap((env, i) => {
      const { name, value } = obj(env);
      return when(
        SECRET_NAME.test(String(name)) && given(value) && value !== '',
        `${c.path}.env[${i}].value`,
        `${name} is a literal: take it from a Secret (valueFrom.secretKeyRef)`,
      );
    }),
  ),

  // Service account tokens, network policy, disruption budgets
  podRule('service-account-token', 'a service account token is mounted only where the chart binds a Role to the account', (pod, chart) => {
    const account = String(pod.spec.serviceAccountName ?? pod.spec.serviceAccount ?? 'default');
    const serviceAccount = chart.ofKind('ServiceAccount').find((sa) => sa.metadata?.name === account);
    const mounted = pod.spec.automountServiceAccountToken ?? serviceAccount?.automountServiceAccountToken ?? true;
    if (mounted === false || isBound(chart, account, pod.object.metadata?.namespace)) return [];
    return [
      {
        path: `${pod.path}.automountServiceAccountToken`,
        message:
          `the pod mounts a token of ServiceAccount ${account}, which no RoleBinding or ClusterRoleBinding ` +
          'of the chart binds: set it to false',
      },
    ];
  }),
  podRule('network-policy', 'a NetworkPolicy of the chart selects every long-running pod', (pod, chart) =>
    when(
      isLongRunning(pod) && !chart.ofKind('NetworkPolicy').some((policy) => selects(policy.spec?.podSelector ?? {}, pod.labels)),
      `${pod.meta}.labels`,
      'no NetworkPolicy of the chart selects this pod: all traffic to it is allowed',
    ),
  ),
  objectRule(
    'pod-disruption-budget',
    'every replicated workload has a PodDisruptionBudget with its selector',
    REPLICATED_KINDS,
    (workload, chart) => {
      const hpa = chart.ofKind('HorizontalPodAutoscaler').find((h) => scaleTargetOf(chart, h) === workload);
      const replicas = workload.spec?.replicas;
      if (!(typeof replicas === 'number' && replicas > 1) && !hpa) return [];
      const selector = workload.spec?.selector;
      if (chart.ofKind('PodDisruptionBudget').some((pdb) => sameSelector(pdb.spec?.selector, selector))) return [];
      const why = hpa ? `scaled by ${idOf(hpa)}` : `${replicas} replicas`;
      const message = `${why}, and no PodDisruptionBudget of the chart has this selector: a drain can stop every pod at once`;
      return [{ path: 'spec.selector.matchLabels', message }];
    },
  ),

  objectRule('pdb-allows-disruption', 'every PodDisruptionBudget lets a drain evict at least one pod', ['PodDisruptionBudget'], (pdb, chart) => {
    const spec = obj(pdb.spec);
    const blocks = 'the API accepts it, but then no pod may be evicted: every node drain and cluster upgrade waits on it forever';
    if (given(spec.maxUnavailable) && /^0+%?$/.test(String(spec.maxUnavailable))) {
      return [{ path: 'spec.maxUnavailable', message: `${show(spec.maxUnavailable)}: ${blocks}; allow 1 or more` }];
    }
    if (!given(spec.minAvailable)) return [];
    if (String(spec.minAvailable) === '100%') return [{ path: 'spec.minAvailable', message: `100%: ${blocks}; use maxUnavailable: 1` }];
    const workload = REPLICATED_KINDS
      .flatMap((kind) => chart.ofKind(kind))
      .find((w) => sameSelector(pdb.spec?.selector, w.spec?.selector));
    if (!workload || typeof spec.minAvailable !== 'number') return [];
    const hpa = chart.ofKind('HorizontalPodAutoscaler').find((h) => scaleTargetOf(chart, h) === workload);
    const fewest = hpa ? hpa.spec?.minReplicas ?? 1 : workload.spec?.replicas ?? 1;
    return when(
      typeof fewest === 'number' && spec.minAvailable >= fewest,
      'spec.minAvailable',
      `${spec.minAvailable} of ${fewest} ${idOf(workload)} pods: ${blocks}; use maxUnavailable: 1`,
    );
  }),

  // References between the chart's objects
  objectRule('service-selector', 'every Service selects a pod of the chart', ['Service'], (service, chart) => {
    if (service.spec?.type === 'ExternalName') return [];
    if (Object.keys(obj(service.spec?.selector)).length === 0) {
      return [{ path: 'spec.selector', message: 'is missing: the Service selects no pod of the chart' }];
    }
    return when(!chart.pods.some((pod) => serviceSelects(service, pod)), 'spec.selector', 'matches no pod template of the chart');
  }),
  objectRule('pdb-selector', 'every PodDisruptionBudget selects a pod of the chart', ['PodDisruptionBudget'], (pdb, chart) =>
    when(!chart.pods.some((pod) => selects(pdb.spec?.selector, pod.labels)), 'spec.selector', 'matches no pod template of the chart'),
  ),
  objectRule('hpa-target', 'every HorizontalPodAutoscaler scales a workload of the chart', ['HorizontalPodAutoscaler'], (hpa, chart) => {
    const ref = obj(hpa.spec?.scaleTargetRef);
    return when(!scaleTargetOf(chart, hpa), 'spec.scaleTargetRef', `${show(ref.kind)}/${show(ref.name)} is not an object of the chart`);
  }),
  objectRule('backend-service-port', 'every Ingress and HTTPRoute backend is a port of a Service of the chart', ['Ingress', 'HTTPRoute'], (route, chart) => {
    if (route.kind === 'Ingress') {
      return ingressBackends(route).flatMap(({ path, backend }) => ingressBackendProblems(chart, path, backend));
    }
    if (!String(route.apiVersion).startsWith('gateway.networking.k8s.io/')) return [];
    return httpRouteBackends(route).flatMap(({ path, ref }) => routeBackendProblems(chart, path, ref));
  }),

  // RBAC and API versions
  objectRule('no-rbac-wildcard', "no '*' in a Role's or ClusterRole's apiGroups, resources or verbs", ['Role', 'ClusterRole'], (role) =>
    list(role.rules).flatMap((rule, i) =>
      ['apiGroups', 'resources', 'verbs'].flatMap((field) =>
        list(obj(rule)[field]).flatMap((value, j) =>
          when(String(value).includes('*'), `rules[${i}].${field}[${j}]`, `${show(value)} is a wildcard: list the ${field} the app needs`),
        ),
      ),
    ),
  ),
  objectRule('no-deprecated-api', 'no removed or deprecated API version', [], (object) => {
    const removed = REMOVED_API_VERSIONS.find(([apiVersion]) => apiVersion === object.apiVersion);
    return removed ? [{ path: 'apiVersion', message: `${removed[0]} is not served since Kubernetes ${removed[1]}: use ${removed[2]}` }] : [];
  }),
];

/** Every finding of every rule, in the table's order. Documents that are not objects are skipped. */
export function checkManifests(documents: unknown[]): Finding[] {
  const isObject = (document: unknown): document is K8sObject => isObj(document) && typeof document.kind === 'string';
  // `kubectl get -o yaml` wraps the objects in a List.
  const objects = documents
    .flatMap((document) => (isObject(document) && document.kind!.endsWith('List') && Array.isArray(document.items) ? document.items : [document]))
    .filter(isObject);
  return RULES.flatMap((rule) => rule.check(objects));
}

/** One line: `rule-id Kind/name path: message`. */
export function formatFinding(finding: Finding): string {
  return `${finding.rule} ${finding.object} ${finding.path}: ${finding.message}`;
}
