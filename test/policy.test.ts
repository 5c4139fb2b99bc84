// The policy rules (check/rules.ts) and `k8s-chart check` (check/cli.ts). A clean rendered
// chart (fixtures/policy/chart.yaml) passes every rule; each bad fixture is that chart with one
// change, and must give exactly the expected findings of exactly one rule.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { RULES, checkManifests, formatFinding, type K8sObject } from '../check/rules.ts';
import { runCheck } from '../check/cli.ts';
import { repoRoot } from './support/paths.ts';

const fixtures = join(repoRoot, 'test/fixtures/policy');
const cleanChart = loadAll(readFileSync(join(fixtures, 'chart.yaml'), 'utf8')).filter((doc) => doc != null) as K8sObject[];

// Accessors into a copy of the clean chart
type Chart = K8sObject[];
const find = (chart: Chart, kind: string, name: string): any => {
  const object = chart.find((o) => o.kind === kind && o.metadata?.name === name);
  if (!object) throw new Error(`fixture has no ${kind}/${name}`);
  return object;
};
const remove = (chart: Chart, kind: string, name: string) => chart.splice(chart.indexOf(find(chart, kind, name)), 1);
const web = (chart: Chart) => find(chart, 'Deployment', 'web').spec.template.spec;
const webContainer = (chart: Chart) => web(chart).containers[0];
const agent = (chart: Chart) => find(chart, 'DaemonSet', 'agent').spec.template.spec;
const migrate = (chart: Chart) => find(chart, 'Job', 'migrate').spec.template.spec;
const report = (chart: Chart) => find(chart, 'CronJob', 'report').spec.jobTemplate.spec.template.spec;
const testPod = (chart: Chart) => find(chart, 'Pod', 'web-test').spec;
/** An ephemeral container that passes every rule, with `securityContext` fields added. */
const debugContainer = (securityContext: object = {}) => ({
  name: 'debug',
  image: 'docker.io/library/busybox:1.37.0',
  securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] }, ...securityContext },
});

const W = 'Deployment/web spec.template.spec';

interface BadCase {
  rule: string;
  what: string;
  change: (chart: Chart) => void;
  /** every finding, as "Kind/name path" */
  findings: string[];
  message?: RegExp;
}

const BAD: BadCase[] = [
  // Pod Security Standards, restricted
  { rule: 'pss-host-process', what: 'pod-level hostProcess', change: (c) => { web(c).securityContext.windowsOptions = { hostProcess: true }; }, findings: [`${W}.securityContext.windowsOptions.hostProcess`] },
  { rule: 'pss-host-process', what: 'an ephemeral container with hostProcess', change: (c) => { web(c).ephemeralContainers = [debugContainer({ windowsOptions: { hostProcess: true } })]; }, findings: [`${W}.ephemeralContainers[0].securityContext.windowsOptions.hostProcess`] },
  { rule: 'pss-host-namespaces', what: 'hostNetwork', change: (c) => { web(c).hostNetwork = true; }, findings: [`${W}.hostNetwork`] },
  { rule: 'pss-host-namespaces', what: "a CronJob's hostPID and hostIPC", change: (c) => { Object.assign(report(c), { hostPID: true, hostIPC: true }); }, findings: ['CronJob/report spec.jobTemplate.spec.template.spec.hostPID', 'CronJob/report spec.jobTemplate.spec.template.spec.hostIPC'] },
  { rule: 'pss-privileged', what: 'a privileged init container', change: (c) => { web(c).initContainers[0].securityContext.privileged = true; }, findings: [`${W}.initContainers[0].securityContext.privileged`] },
  { rule: 'pss-capabilities', what: 'no drop ALL', change: (c) => { delete webContainer(c).securityContext.capabilities.drop; }, findings: [`${W}.containers[0].securityContext.capabilities.drop`], message: /must include ALL/ },
  { rule: 'pss-capabilities', what: 'no capabilities at all in the test pod', change: (c) => { delete testPod(c).containers[0].securityContext.capabilities; }, findings: ['Pod/web-test spec.containers[0].securityContext.capabilities.drop'] },
  { rule: 'pss-capabilities', what: 'SYS_ADMIN added', change: (c) => { agent(c).containers[0].securityContext.capabilities.add = ['NET_BIND_SERVICE', 'SYS_ADMIN']; }, findings: ['DaemonSet/agent spec.template.spec.containers[0].securityContext.capabilities.add[1]'], message: /SYS_ADMIN must not be added/ },
  { rule: 'pss-host-path-volumes', what: 'a hostPath volume', change: (c) => { web(c).volumes.push({ name: 'logs', hostPath: { path: '/var/log' } }); }, findings: [`${W}.volumes[2].hostPath`] },
  { rule: 'pss-host-ports', what: 'a host port', change: (c) => { webContainer(c).ports[0].hostPort = 8080; }, findings: [`${W}.containers[0].ports[0].hostPort`] },
  { rule: 'pss-apparmor', what: 'an Unconfined pod profile', change: (c) => { agent(c).securityContext.appArmorProfile.type = 'Unconfined'; }, findings: ['DaemonSet/agent spec.template.spec.securityContext.appArmorProfile.type'] },
  { rule: 'pss-apparmor', what: 'an unconfined container annotation', change: (c) => { find(c, 'DaemonSet', 'agent').spec.template.metadata.annotations['container.apparmor.security.beta.kubernetes.io/agent'] = 'unconfined'; }, findings: ['DaemonSet/agent spec.template.metadata.annotations["container.apparmor.security.beta.kubernetes.io/agent"]'] },
  { rule: 'pss-selinux', what: 'a custom pod SELinux type', change: (c) => { agent(c).securityContext.seLinuxOptions.type = 'spc_t'; }, findings: ['DaemonSet/agent spec.template.spec.securityContext.seLinuxOptions.type'] },
  { rule: 'pss-selinux', what: 'container_engine_t, allowed only from 1.31', change: (c) => { agent(c).securityContext.seLinuxOptions.type = 'container_engine_t'; }, findings: ['DaemonSet/agent spec.template.spec.securityContext.seLinuxOptions.type'], message: /only from Kubernetes 1\.31; the chart admits 1\.28/ },
  { rule: 'pss-selinux', what: 'a container SELinux user and role', change: (c) => { agent(c).containers[0].securityContext.seLinuxOptions = { user: 'system_u', role: 'system_r' }; }, findings: ['DaemonSet/agent spec.template.spec.containers[0].securityContext.seLinuxOptions.user', 'DaemonSet/agent spec.template.spec.containers[0].securityContext.seLinuxOptions.role'] },
  { rule: 'pss-proc-mount', what: 'an unmasked /proc', change: (c) => { agent(c).containers[0].securityContext.procMount = 'Unmasked'; }, findings: ['DaemonSet/agent spec.template.spec.containers[0].securityContext.procMount'] },
  { rule: 'pss-seccomp', what: 'an Unconfined pod profile (the container inherits it)', change: (c) => { report(c).securityContext.seccompProfile.type = 'Unconfined'; }, findings: ['CronJob/report spec.jobTemplate.spec.template.spec.securityContext.seccompProfile.type', 'CronJob/report spec.jobTemplate.spec.template.spec.containers[0].securityContext.seccompProfile.type'] },
  { rule: 'pss-seccomp', what: 'no profile on the pod nor the container', change: (c) => { delete migrate(c).securityContext.seccompProfile; }, findings: ['Job/migrate spec.template.spec.containers[0].securityContext.seccompProfile.type'] },
  { rule: 'pss-seccomp', what: 'an Unconfined container profile under a good pod profile', change: (c) => { webContainer(c).securityContext.seccompProfile = { type: 'Unconfined' }; }, findings: [`${W}.containers[0].securityContext.seccompProfile.type`] },
  { rule: 'pss-sysctls', what: 'an unsafe sysctl', change: (c) => { web(c).securityContext.sysctls.push({ name: 'kernel.msgmax', value: '65536' }); }, findings: [`${W}.securityContext.sysctls[1].name`], message: /kernel\.msgmax is not a safe sysctl/ },
  { rule: 'pss-sysctls', what: 'a sysctl safe only from 1.29', change: (c) => { web(c).securityContext.sysctls.push({ name: 'net.ipv4.tcp_keepalive_time', value: '600' }); }, findings: [`${W}.securityContext.sysctls[1].name`], message: /only from Kubernetes 1\.29/ },
  { rule: 'pss-probe-host', what: 'a probe host', change: (c) => { webContainer(c).livenessProbe.httpGet.host = 'example.com'; }, findings: [`${W}.containers[0].livenessProbe.httpGet.host`] },
  { rule: 'pss-probe-host', what: 'a lifecycle hook host', change: (c) => { webContainer(c).lifecycle = { preStop: { httpGet: { host: '10.0.0.1', path: '/drain', port: 80 } } }; }, findings: [`${W}.containers[0].lifecycle.preStop.httpGet.host`] },
  { rule: 'pss-volume-types', what: 'an nfs volume', change: (c) => { web(c).volumes.push({ name: 'shared', nfs: { server: 'nfs.example.com', path: '/shared' } }); }, findings: [`${W}.volumes[2].nfs`] },
  { rule: 'pss-allow-privilege-escalation', what: 'unset on a sidecar', change: (c) => { delete web(c).initContainers[1].securityContext.allowPrivilegeEscalation; }, findings: [`${W}.initContainers[1].securityContext.allowPrivilegeEscalation`] },
  { rule: 'pss-allow-privilege-escalation', what: 'true on the test pod', change: (c) => { testPod(c).containers[0].securityContext.allowPrivilegeEscalation = true; }, findings: ['Pod/web-test spec.containers[0].securityContext.allowPrivilegeEscalation'] },
  { rule: 'pss-run-as-non-root', what: 'false on the pod', change: (c) => { migrate(c).securityContext.runAsNonRoot = false; }, findings: ['Job/migrate spec.template.spec.securityContext.runAsNonRoot', 'Job/migrate spec.template.spec.containers[0].securityContext.runAsNonRoot'] },
  { rule: 'pss-run-as-non-root', what: 'unset on the pod and the container', change: (c) => { delete migrate(c).securityContext.runAsNonRoot; }, findings: ['Job/migrate spec.template.spec.containers[0].securityContext.runAsNonRoot'], message: /here or for the pod/ },
  { rule: 'pss-run-as-non-root', what: 'false on a container under a true pod', change: (c) => { webContainer(c).securityContext.runAsNonRoot = false; }, findings: [`${W}.containers[0].securityContext.runAsNonRoot`] },
  { rule: 'pss-run-as-non-root', what: 'unset on an ephemeral container when only the containers say true', change: (c) => { agent(c).ephemeralContainers = [debugContainer()]; }, findings: ['DaemonSet/agent spec.template.spec.ephemeralContainers[0].securityContext.runAsNonRoot'] },
  { rule: 'pss-run-as-user', what: 'root on the pod', change: (c) => { web(c).securityContext.runAsUser = 0; }, findings: [`${W}.securityContext.runAsUser`] },
  { rule: 'pss-run-as-user', what: 'root on a container', change: (c) => { agent(c).containers[0].securityContext.runAsUser = 0; }, findings: ['DaemonSet/agent spec.template.spec.containers[0].securityContext.runAsUser'] },

  // Resources, probes, file system, images, secrets
  { rule: 'container-resources', what: 'no memory limit', change: (c) => { delete webContainer(c).resources.limits; }, findings: [`${W}.containers[0].resources.limits.memory`] },
  { rule: 'container-resources', what: 'no requests on an init container', change: (c) => { delete web(c).initContainers[0].resources.requests; }, findings: [`${W}.initContainers[0].resources.requests.cpu`, `${W}.initContainers[0].resources.requests.memory`] },
  { rule: 'container-resources', what: 'no resources on the sidecar', change: (c) => { delete web(c).initContainers[1].resources; }, findings: [`${W}.initContainers[1].resources.requests.cpu`, `${W}.initContainers[1].resources.requests.memory`, `${W}.initContainers[1].resources.limits.memory`] },
  { rule: 'container-resources', what: 'no CPU request in the test pod', change: (c) => { delete testPod(c).containers[0].resources.requests.cpu; }, findings: ['Pod/web-test spec.containers[0].resources.requests.cpu'] },
  { rule: 'liveness-probe', what: 'none on the app container', change: (c) => { delete webContainer(c).livenessProbe; }, findings: [`${W}.containers[0].livenessProbe`] },
  { rule: 'liveness-probe', what: 'none on the sidecar', change: (c) => { delete web(c).initContainers[1].livenessProbe; }, findings: [`${W}.initContainers[1].livenessProbe`] },
  { rule: 'liveness-probe', what: 'none on a DaemonSet', change: (c) => { delete agent(c).containers[0].livenessProbe; }, findings: ['DaemonSet/agent spec.template.spec.containers[0].livenessProbe'] },
  { rule: 'readiness-probe', what: 'none on a Deployment behind a Service', change: (c) => { delete webContainer(c).readinessProbe; }, findings: [`${W}.containers[0].readinessProbe`] },
  { rule: 'readiness-probe', what: 'none on a StatefulSet behind a headless Service', change: (c) => { delete find(c, 'StatefulSet', 'db').spec.template.spec.containers[0].readinessProbe; }, findings: ['StatefulSet/db spec.template.spec.containers[0].readinessProbe'] },
  { rule: 'read-only-root-filesystem', what: 'a writable root in the test pod', change: (c) => { testPod(c).containers[0].securityContext.readOnlyRootFilesystem = false; }, findings: ['Pod/web-test spec.containers[0].securityContext.readOnlyRootFilesystem'] },
  { rule: 'read-only-root-filesystem', what: 'unset in a CronJob', change: (c) => { delete report(c).containers[0].securityContext.readOnlyRootFilesystem; }, findings: ['CronJob/report spec.jobTemplate.spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem'] },
  { rule: 'image-pinned', what: 'the latest tag', change: (c) => { webContainer(c).image = 'ghcr.io/acme/web:latest'; }, findings: [`${W}.containers[0].image`], message: /latest/ },
  { rule: 'image-pinned', what: 'no tag', change: (c) => { webContainer(c).image = 'ghcr.io/acme/web'; }, findings: [`${W}.containers[0].image`], message: /no tag/ },
  { rule: 'image-pinned', what: 'a registry port but no tag', change: (c) => { webContainer(c).image = 'registry.local:5000/acme/web'; }, findings: [`${W}.containers[0].image`], message: /no tag/ },
  { rule: 'image-pinned', what: 'an empty digest (an unset value in a template)', change: (c) => { webContainer(c).image = 'ghcr.io/acme/web@'; }, findings: [`${W}.containers[0].image`], message: /not a valid digest/ },
  { rule: 'image-pinned', what: 'latest in the helm test pod', change: (c) => { testPod(c).containers[0].image = 'busybox:latest'; }, findings: ['Pod/web-test spec.containers[0].image'] },
  { rule: 'no-secret-in-env', what: 'a literal token', change: (c) => { webContainer(c).env[2].value = 'abc123'; }, findings: [`${W}.containers[0].env[2].value`] },
  { rule: 'no-secret-in-env', what: 'a lowercase password name', change: (c) => { webContainer(c).env.push({ name: 'db_password', value: 'hunter2' }); }, findings: [`${W}.containers[0].env[3].value`] },

  // Service account tokens, network policy, disruption budgets
  { rule: 'service-account-token', what: 'the pod mounts an unbound account', change: (c) => { web(c).automountServiceAccountToken = true; }, findings: [`${W}.automountServiceAccountToken`] },
  { rule: 'service-account-token', what: 'the ServiceAccount stops saying false; the pods that do not say mount it', change: (c) => { delete find(c, 'ServiceAccount', 'web').automountServiceAccountToken; }, findings: ['StatefulSet/db spec.template.spec.automountServiceAccountToken', 'Job/migrate spec.template.spec.automountServiceAccountToken', 'CronJob/report spec.jobTemplate.spec.template.spec.automountServiceAccountToken'] },
  { rule: 'service-account-token', what: 'the binding is gone', change: (c) => { remove(c, 'ClusterRoleBinding', 'agent'); }, findings: ['DaemonSet/agent spec.template.spec.automountServiceAccountToken'] },
  { rule: 'service-account-token', what: 'the binding names another ServiceAccount', change: (c) => { find(c, 'ClusterRoleBinding', 'agent').subjects[0].name = 'other'; }, findings: ['DaemonSet/agent spec.template.spec.automountServiceAccountToken'] },
  { rule: 'service-account-token', what: 'the default ServiceAccount, not in the chart', change: (c) => { delete testPod(c).automountServiceAccountToken; }, findings: ['Pod/web-test spec.automountServiceAccountToken'], message: /ServiceAccount default/ },
  { rule: 'network-policy', what: 'no policy for the db and the agent', change: (c) => { remove(c, 'NetworkPolicy', 'backends'); }, findings: ['StatefulSet/db spec.template.metadata.labels', 'DaemonSet/agent spec.template.metadata.labels'] },
  { rule: 'network-policy', what: 'a policy selecting other labels', change: (c) => { find(c, 'NetworkPolicy', 'web').spec.podSelector.matchLabels.app = 'webapp'; }, findings: ['Deployment/web spec.template.metadata.labels'] },
  { rule: 'network-policy', what: 'a label the policy excludes (DoesNotExist)', change: (c) => { find(c, 'DaemonSet', 'agent').spec.template.metadata.labels.debug = 'true'; }, findings: ['DaemonSet/agent spec.template.metadata.labels'] },
  { rule: 'pod-disruption-budget', what: 'a StatefulSet of 3 without one', change: (c) => { remove(c, 'PodDisruptionBudget', 'db'); }, findings: ['StatefulSet/db spec.selector.matchLabels'], message: /3 replicas/ },
  { rule: 'pod-disruption-budget', what: 'no replicas but an HPA, without one', change: (c) => { delete find(c, 'Deployment', 'web').spec.replicas; remove(c, 'PodDisruptionBudget', 'web'); }, findings: ['Deployment/web spec.selector.matchLabels'], message: /scaled by HorizontalPodAutoscaler\/web/ },
  { rule: 'pod-disruption-budget', what: "a budget whose selector is not the workload's", change: (c) => { find(c, 'PodDisruptionBudget', 'web').spec.selector.matchLabels = { app: 'web' }; }, findings: ['Deployment/web spec.selector.matchLabels'] },

  // References between the chart's objects
  { rule: 'service-selector', what: 'a selector matching no pod', change: (c) => { find(c, 'Service', 'web').spec.selector.app = 'webapp'; }, findings: ['Service/web spec.selector'] },
  { rule: 'service-selector', what: 'no selector', change: (c) => { delete find(c, 'Service', 'db-headless').spec.selector; }, findings: ['Service/db-headless spec.selector'] },
  { rule: 'pdb-allows-disruption', what: 'maxUnavailable 0', change: (c) => { find(c, 'PodDisruptionBudget', 'web').spec.maxUnavailable = 0; }, findings: ['PodDisruptionBudget/web spec.maxUnavailable'], message: /every node drain and cluster upgrade waits on it/ },
  { rule: 'pdb-allows-disruption', what: 'maxUnavailable 0%', change: (c) => { find(c, 'PodDisruptionBudget', 'web').spec.maxUnavailable = '0%'; }, findings: ['PodDisruptionBudget/web spec.maxUnavailable'] },
  { rule: 'pdb-allows-disruption', what: 'minAvailable 100%', change: (c) => { const pdb = find(c, 'PodDisruptionBudget', 'web'); delete pdb.spec.maxUnavailable; pdb.spec.minAvailable = '100%'; }, findings: ['PodDisruptionBudget/web spec.minAvailable'] },
  { rule: 'pdb-allows-disruption', what: 'minAvailable as many as the fewest replicas', change: (c) => { const pdb = find(c, 'PodDisruptionBudget', 'db'); delete pdb.spec.maxUnavailable; pdb.spec.minAvailable = 3; }, findings: ['PodDisruptionBudget/db spec.minAvailable'], message: /3 of 3 StatefulSet\/db pods/ },
  { rule: 'pdb-selector', what: 'a budget for pods that are not in the chart', change: (c) => { c.push({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'orphan' }, spec: { maxUnavailable: 1, selector: { matchLabels: { app: 'cache' } } } }); }, findings: ['PodDisruptionBudget/orphan spec.selector'] },
  { rule: 'pdb-selector', what: 'a budget without a selector', change: (c) => { c.push({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'orphan' }, spec: { maxUnavailable: 1 } }); }, findings: ['PodDisruptionBudget/orphan spec.selector'] },
  { rule: 'hpa-target', what: 'a target not in the chart', change: (c) => { find(c, 'HorizontalPodAutoscaler', 'web').spec.scaleTargetRef.name = 'web-v2'; }, findings: ['HorizontalPodAutoscaler/web spec.scaleTargetRef'], message: /Deployment\/web-v2/ },
  { rule: 'backend-service-port', what: 'an Ingress port name the Service lacks', change: (c) => { find(c, 'Ingress', 'web').spec.rules[0].http.paths[0].backend.service.port = { name: 'https' }; }, findings: ['Ingress/web spec.rules[0].http.paths[0].backend.service.port.name'] },
  { rule: 'backend-service-port', what: 'an Ingress port number the Service lacks', change: (c) => { find(c, 'Ingress', 'web').spec.rules[0].http.paths[1].backend.service.port = { number: 80 }; }, findings: ['Ingress/web spec.rules[0].http.paths[1].backend.service.port.number'] },
  { rule: 'backend-service-port', what: 'an Ingress default backend to another Service', change: (c) => { find(c, 'Ingress', 'web').spec.defaultBackend = { service: { name: 'fallback', port: { number: 80 } } }; }, findings: ['Ingress/web spec.defaultBackend.service.name'] },
  { rule: 'backend-service-port', what: 'an Ingress resource backend', change: (c) => { find(c, 'Ingress', 'web').spec.defaultBackend = { resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'static' } }; }, findings: ['Ingress/web spec.defaultBackend'] },
  { rule: 'backend-service-port', what: 'an HTTPRoute port the Service lacks', change: (c) => { find(c, 'HTTPRoute', 'web').spec.rules[0].backendRefs[0].port = 80; }, findings: ['HTTPRoute/web spec.rules[0].backendRefs[0].port'] },
  { rule: 'backend-service-port', what: 'an HTTPRoute backend that is not a Service', change: (c) => { Object.assign(find(c, 'HTTPRoute', 'web').spec.rules[0].backendRefs[0], { group: 'multicluster.x-k8s.io', kind: 'ServiceImport' }); }, findings: ['HTTPRoute/web spec.rules[0].backendRefs[0]'] },
  { rule: 'backend-service-port', what: 'an HTTPRoute mirror to another Service', change: (c) => { find(c, 'HTTPRoute', 'web').spec.rules[0].filters = [{ type: 'RequestMirror', requestMirror: { backendRef: { name: 'shadow', port: 8080 } } }]; }, findings: ['HTTPRoute/web spec.rules[0].filters[0].requestMirror.backendRef.name'] },

  // RBAC and API versions
  { rule: 'no-rbac-wildcard', what: 'every verb', change: (c) => { find(c, 'ClusterRole', 'agent').rules[0].verbs = ['*']; }, findings: ['ClusterRole/agent rules[0].verbs[0]'] },
  { rule: 'no-rbac-wildcard', what: 'every API group and every subresource', change: (c) => { Object.assign(find(c, 'ClusterRole', 'agent').rules[0], { apiGroups: ['*'], resources: ['nodes', 'nodes/*'] }); }, findings: ['ClusterRole/agent rules[0].apiGroups[0]', 'ClusterRole/agent rules[0].resources[1]'] },
  { rule: 'no-deprecated-api', what: 'policy/v1beta1', change: (c) => { find(c, 'PodDisruptionBudget', 'web').apiVersion = 'policy/v1beta1'; }, findings: ['PodDisruptionBudget/web apiVersion'], message: /since Kubernetes 1\.25: use policy\/v1/ },
  { rule: 'no-deprecated-api', what: 'autoscaling/v2beta2 and extensions/v1beta1', change: (c) => { find(c, 'HorizontalPodAutoscaler', 'web').apiVersion = 'autoscaling/v2beta2'; find(c, 'Deployment', 'web').apiVersion = 'extensions/v1beta1'; }, findings: ['Deployment/web apiVersion', 'HorizontalPodAutoscaler/web apiVersion'] },
  { rule: 'no-deprecated-api', what: 'batch/v1beta1, rbac v1beta1, networking v1beta1', change: (c) => { find(c, 'CronJob', 'report').apiVersion = 'batch/v1beta1'; find(c, 'ClusterRole', 'agent').apiVersion = 'rbac.authorization.k8s.io/v1beta1'; find(c, 'Ingress', 'web').apiVersion = 'networking.k8s.io/v1beta1'; }, findings: ['ClusterRole/agent apiVersion', 'Ingress/web apiVersion', 'CronJob/report apiVersion'] },
];

/** Changes that keep the chart clean: what the rules allow. */
const GOOD: Array<{ what: string; change: (chart: Chart) => void }> = [
  { what: 'the seccomp profile on every container instead of the pod', change: (c) => { delete report(c).securityContext.seccompProfile; report(c).containers[0].securityContext.seccompProfile = { type: 'RuntimeDefault' }; } },
  { what: 'a Windows pod without the Linux-only fields', change: (c) => { agent(c).os = { name: 'windows' }; delete agent(c).securityContext.seccompProfile; delete agent(c).containers[0].securityContext.allowPrivilegeEscalation; delete agent(c).containers[0].securityContext.capabilities; } },
  { what: 'hostPort 0 and hostNetwork false', change: (c) => { webContainer(c).ports[0].hostPort = 0; web(c).hostNetwork = false; } },
  { what: 'an image pinned by digest only, or by a tag behind a registry port', change: (c) => { webContainer(c).image = 'ghcr.io/acme/web@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31'; report(c).containers[0].image = 'registry.local:5000/acme/reports:0.9.1'; } },
  { what: 'one replica and no HPA need no budget', change: (c) => { find(c, 'Deployment', 'web').spec.replicas = 1; remove(c, 'HorizontalPodAutoscaler', 'web'); remove(c, 'PodDisruptionBudget', 'web'); } },
  { what: 'a compliant ephemeral container needs no resources nor probes', change: (c) => { web(c).ephemeralContainers = [debugContainer()]; } },
  { what: 'an ExternalName Service has no selector', change: (c) => { c.push({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'upstream' }, spec: { type: 'ExternalName', externalName: 'api.example.com' } }); } },
  { what: 'a token mounted through a RoleBinding', change: (c) => { web(c).automountServiceAccountToken = true; c.push({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'web' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'web' }, subjects: [{ kind: 'ServiceAccount', name: 'web' }] }); } },
  { what: 'a NetworkPolicy selecting every pod ({})', change: (c) => { remove(c, 'NetworkPolicy', 'backends'); find(c, 'NetworkPolicy', 'web').spec.podSelector = {}; } },
  { what: 'a volume with no source (the API makes it an emptyDir)', change: (c) => { web(c).volumes.push({ name: 'scratch' }); } },
];

const copy = (): Chart => JSON.parse(JSON.stringify(cleanChart));
const rulesOf = (objects: unknown[]) => [...new Set(checkManifests(objects).map((finding) => finding.rule))];

test('the clean chart passes every rule', () => {
  assert.equal(checkManifests(copy()).map(formatFinding), []);
});

for (const { rule, what, change, findings, message } of BAD) {
  test(`${rule}: ${what}`, () => {
    const chart = copy();
    change(chart);
    const found = checkManifests(chart);
    assert.equal([...new Set(found.map((finding) => finding.rule))], [rule], found.map(formatFinding).join('\n'));
    assert.equal(found.map((finding) => `${finding.object} ${finding.path}`), findings);
    if (message) assert.match(found[0]!.message, message);
  });
}

for (const { what, change } of GOOD) {
  test(`allowed: ${what}`, () => {
    const chart = copy();
    change(chart);
    assert.equal(checkManifests(chart).map(formatFinding), []);
  });
}

test('every rule has a bad fixture; ids are unique and kebab-case', () => {
  const ids = RULES.map((rule) => rule.id);
  assert.equal([...new Set(ids)], ids, 'unique ids');
  for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  assert.equal(ids.filter((id) => !BAD.some((bad) => bad.rule === id)), [], 'rules without a bad fixture');
  assert.equal(BAD.filter((bad) => !ids.includes(bad.rule)).map((bad) => bad.rule), [], 'fixtures for unknown rules');
});

test('every Pod Security control of the restricted profile has its rule', () => {
  const controls = ['host-process', 'host-namespaces', 'privileged', 'capabilities', 'host-path-volumes', 'host-ports', 'apparmor', 'selinux', 'proc-mount', 'seccomp', 'sysctls', 'probe-host', 'volume-types', 'allow-privilege-escalation', 'run-as-non-root', 'run-as-user'];
  assert.equal(RULES.map((rule) => rule.id).filter((id) => id.startsWith('pss-')).sort(), controls.map((c) => `pss-${c}`).sort());
});

test('checkManifests skips non-objects and reads a List', () => {
  assert.equal(checkManifests([null, 'text', 42, [], { no: 'kind' }]), []);
  assert.equal(checkManifests([{ apiVersion: 'v1', kind: 'List', items: copy() }]), []);
  const chart = copy();
  webContainer(chart).image = 'nginx';
  assert.equal(rulesOf([{ apiVersion: 'v1', kind: 'List', items: chart }]), ['image-pinned']);
});

test('formatFinding: one line, rule object path: message', () => {
  const chart = copy();
  web(chart).hostNetwork = true;
  const [finding] = checkManifests(chart);
  assert.is(formatFinding(finding!), `pss-host-namespaces ${W}.hostNetwork: must not be true: the pod would share the node's namespace`);
});

// `k8s-chart check`

async function check(args: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (text: string) => (stdout += text), stderr: (text: string) => (stderr += text) };
  const code = await runCheck(args, io, async () => stdin);
  return { code, stdout, stderr };
}

test('check: a file with findings prints one line each and a summary, exit 1', async () => {
  const run = await check([join(fixtures, 'findings.yaml')]);
  assert.is(run.code, 1);
  assert.is(run.stderr, '');
  assert.equal(run.stdout.split('\n'), [
    "container-resources Deployment/api spec.template.spec.containers[0].resources.limits.memory: is missing: without it one container can take the node's memory",
    'image-pinned Deployment/api spec.template.spec.containers[0].image: ghcr.io/acme/api:latest is the moving latest tag: pin a version tag or a digest',
    'no-secret-in-env Deployment/api spec.template.spec.containers[0].env[0].value: API_KEY is a literal: take it from a Secret (valueFrom.secretKeyRef)',
    '3 findings of 3 rules in 1 of 3 objects',
    '',
  ]);
});

test('check: clean input, from a file or from stdin, exit 0', async () => {
  const file = join(fixtures, 'chart.yaml');
  const expected = { code: 0, stdout: `ok: ${cleanChart.length} objects pass ${RULES.length} rules\n`, stderr: '' };
  assert.equal(await check([file]), expected);
  assert.equal(await check(['-'], readFileSync(file, 'utf8')), expected);
  assert.equal(await check([], readFileSync(file, 'utf8')), expected, 'stdin by default');
});

test('check: bad input gets one line on stderr and exit 2', async () => {
  const badYaml = await check([join(fixtures, 'not-yaml.yaml')]);
  assert.is(badYaml.code, 2);
  assert.is(badYaml.stdout, '');
  assert.match(badYaml.stderr, /^k8s-chart check: \S+not-yaml\.yaml: not valid YAML: [^\n]+ \(\d+:\d+\)\n$/);
  for (const [args, stdin, message] of [
    [['-'], '', '<stdin>: no Kubernetes objects'],
    [['-'], '---\n# only a comment\n', '<stdin>: no Kubernetes objects'],
    [['-'], 'apiVersion: v1\nkind: ConfigMap\n---\n- a list\n', '<stdin>: document 2 is not a Kubernetes object (no apiVersion and kind)'],
    [['-'], 'key: [unclosed\n', '<stdin>: not valid YAML: '],
    [[join(fixtures, 'missing.yaml')], '', 'missing.yaml: cannot read: ENOENT'],
  ] as const) {
    const run = await check([...args], stdin);
    assert.is(run.code, 2, message);
    assert.is(run.stdout, '');
    assert.ok(run.stderr.startsWith('k8s-chart check: ') && run.stderr.includes(message), run.stderr);
    assert.is(run.stderr.split('\n').length, 2, `one line: ${run.stderr}`);
  }
});

test('check: --rules lists every rule; bad arguments exit 2 with the usage', async () => {
  const rules = await check(['--rules']);
  assert.is(rules.code, 0);
  const lines = rules.stdout.trimEnd().split('\n');
  assert.equal(lines.map((line) => line.split(/\s+/)[0]), RULES.map((rule) => rule.id));
  assert.ok(lines.every((line, i) => line.endsWith(RULES[i]!.title)));
  for (const args of [['--bogus'], ['a.yaml', 'b.yaml']]) {
    const run = await check(args);
    assert.is(run.code, 2, args.join(' '));
    assert.match(run.stderr, /Usage: k8s-chart check \[FILE\|-\]/);
  }
  const help = await check(['--help']);
  assert.is(help.code, 0);
  assert.match(help.stdout, /^Usage: k8s-chart check/);
});

test.run();
