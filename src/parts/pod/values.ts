import type { ChartModel } from '../../model.ts';
import { group, leaf, type ValueNode, type ValueSection } from '../../chart/values-tree.ts';
import { containerSecurityContext, envVar, k8s, k8sList, toleration, int, pattern, podSecurityContext, probe, quantity, resources, str, stringMap } from '../../chart/schemas.ts';
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
      fsGroupChangePolicy: 'OnRootMismatch',
      seccompProfile: { type: 'RuntimeDefault' },
    }, podSecurityContext, 'Pod security context; the defaults meet the Pod Security "restricted" level', [
      'fsGroupChangePolicy OnRootMismatch: the kubelet walks a volume to change its group only when its root',
      'has the wrong one, not on every start (which takes minutes on a volume of many files).',
    ]),
    leaf('securityContext', {
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    }, containerSecurityContext, 'Container security context; /tmp is a writable emptyDir since the root file system is read-only'),
    group('tmpVolume', 'The writable emptyDir at /tmp', [
      leaf('sizeLimit', '1Gi', { anyOf: [{ enum: [''] }, quantity] }, 'Most the pod may write to /tmp; above it the kubelet evicts the pod (empty: no limit)', [
        "Without a limit a runaway /tmp fills the node's disk and the kubelet evicts other pods too.",
      ]),
    ]),
    leaf('resources', model.resources, resources, 'Container resources', [
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
    ...(model.service.enabled ? [preStop] : []),
    leaf('terminationGracePeriodSeconds', 30, int(0), 'Seconds the app has to stop after SIGTERM'),
    leaf('extraVolumes', [], k8sList('Volume'), 'More pod volumes, as Kubernetes Volume objects', [
      'Refused: the in-tree plugins no Kubernetes since 1.26 can mount (glusterfs, quobyte, storageos,',
      'flocker, scaleIO, photonPersistentDisk); a pod with one would never start.',
    ]),
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

/** A pause before SIGTERM, so that the load balancer stops sending to a stopping pod before the app
 * closes its connections (the endpoint's removal reaches it only after a few seconds). */
const preStop: ValueNode = group('preStop', 'A pause before the app gets SIGTERM, for Services behind a load balancer: the cure for 502s during rollouts', [
  leaf('sleepSeconds', 0, int(0, 300), 'Seconds a stopping pod keeps serving before SIGTERM (0: off; 5 to 15 behind a cloud load balancer)', [
    'Counts against terminationGracePeriodSeconds, which must be longer; replaces no lifecycle.preStop of yours (the chart refuses both).',
  ]),
  leaf('action', 'sleep', { enum: ['sleep', 'exec'] }, 'How to pause: sleep (the kubelet sleeps; no binary needed, Kubernetes 1.30 or later) or exec (runs sleep in the container: any Kubernetes, but the image needs a sleep binary, which distroless images lack)'),
]);
