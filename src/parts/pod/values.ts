import type { ChartModel } from '../../model.ts';
import { leaf, type ValueNode, type ValueSection } from '../../chart/values-tree.ts';
import { containerSecurityContext, envVar, k8s, k8sList, toleration, int, pattern, podSecurityContext, probe, resources, str, stringMap } from '../../chart/schemas.ts';
import { OBJECT_NAME } from '../../validators.ts';

/** The part's section of values.yaml. */
export const values = (model: ChartModel): ValueSection[] => [{ title: 'Pods', nodes: nodes(model) }];

function nodes(model: ChartModel): ValueNode[] {
  const { workload } = model;
  const nodes: ValueNode[] = [
    leaf('command', workload.command, { type: 'array', items: str }, "The container's command; empty: the image's entrypoint"),
    leaf('args', workload.args, { type: 'array', items: str }, "The container's arguments; empty: the image's command"),
    leaf('extraEnv', [], { type: 'array', items: envVar }, 'More environment variables, as Kubernetes EnvVar objects ({name, value} with a string value, or {name, valueFrom})'),
    leaf('podAnnotations', {}, stringMap, 'Annotations added to the pods'),
    leaf('podLabels', {}, stringMap, 'Labels added to the pods'),
    leaf('podSecurityContext', {
      runAsNonRoot: true,
      runAsUser: 10001,
      runAsGroup: 10001,
      fsGroup: 10001,
      seccompProfile: { type: 'RuntimeDefault' },
    }, podSecurityContext, 'Pod security context; the defaults meet the Pod Security "restricted" level'),
    leaf('securityContext', {
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    }, containerSecurityContext, 'Container security context; /tmp is a writable emptyDir since the root file system is read-only'),
    leaf('resources', {
      requests: { cpu: '100m', memory: '128Mi' },
      limits: { memory: '256Mi' },
    }, resources, 'Container resources', [
      'No CPU limit by default: a CPU limit throttles the app even when the node has idle CPU.',
    ]),
  ];
  const { liveness, readiness, startup } = model.probes;
  if (liveness) {
    nodes.push(
      leaf('livenessProbe', liveness, probe, 'Liveness probe; the container restarts when it fails', [
        workload.worker
          ? 'A worker listens on no port, so its liveness check is a command run in the container.'
          : 'Checks the container port unless the answers chose a check: never an invented HTTP path.',
      ]),
    );
  }
  if (readiness) {
    nodes.push(leaf('readinessProbe', readiness, probe, 'Readiness probe; the Service sends traffic only to ready pods'));
  }
  if (startup) {
    nodes.push(leaf('startupProbe', startup, probe, 'Startup probe; liveness and readiness wait until it passes (for slow starters)'));
  }
  nodes.push(
    leaf('lifecycle', {}, k8s('Lifecycle'), 'Container lifecycle hooks (postStart, preStop), as a Kubernetes Lifecycle object'),
    leaf('terminationGracePeriodSeconds', 30, int(0), 'Seconds the app has to stop after SIGTERM'),
    leaf('extraVolumes', [], k8sList('Volume'), 'More pod volumes, as Kubernetes Volume objects'),
    leaf('extraVolumeMounts', [], k8sList('VolumeMount'), 'More mounts in the app container, as Kubernetes VolumeMount objects'),
    leaf('initContainers', [], k8sList('Container'), 'Init containers, as Kubernetes Container objects, run to completion before the app starts; give each resources and a securityContext'),
    leaf('sidecars', [], k8sList('Container'), 'More containers beside the app, as Kubernetes Container objects; give each resources and a securityContext'),
    leaf('nativeSidecars', [], k8sList('Container'), 'Native sidecars: init containers with restartPolicy Always, started before the app and stopped after it', [
      'Needs Kubernetes 1.29 or later (SidecarContainers is beta and on by default there); the chart sets restartPolicy.',
    ]),
    leaf('nodeSelector', {}, { type: 'object', additionalProperties: str }, 'Node labels the pods must run on'),
    leaf('tolerations', [], { type: 'array', items: toleration }, 'Tolerations for node taints, as Kubernetes Toleration objects'),
    leaf('affinity', {}, k8s('Affinity'), workload.replicated ? 'Affinity rules, as a Kubernetes Affinity object; when set, it replaces podAntiAffinityPreset' : 'Affinity rules, as a Kubernetes Affinity object'),
    ...(workload.replicated
      ? [leaf('podAntiAffinityPreset', 'soft', { enum: ['soft', 'hard', ''] }, "Spread the replicas over nodes, as Bitnami's podAntiAffinityPreset: soft (preferred), hard (required: a replica without a node of its own stays Pending), or \"\" (none)", [
          'By the selector labels and kubernetes.io/hostname; ignored while affinity is set.',
        ])]
      : []),
    leaf('topologySpreadConstraints', [], k8sList('TopologySpreadConstraint'), 'How to spread the pods over zones or nodes, as Kubernetes TopologySpreadConstraint objects'),
    leaf('priorityClassName', '', pattern(OBJECT_NAME, true), 'PriorityClass of the pods'),
  );
  return nodes;
}
