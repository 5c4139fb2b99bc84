// The values of a generated chart: defaults from the model, with their schema and description.
// Only the parts the answers chose appear; each keeps an `enabled` switch.
import type { ChartModel } from '../model.ts';
import { group, leaf, type ValueNode, type ValueSection } from './values-tree.ts';
import {
  ANNOTATION_KEY,
  CONFIG_KEY,
  ENV_VAR_NAME,
  HOSTNAME,
  HTTP_PATH,
  IMAGE_DIGEST,
  IMAGE_REPOSITORY,
  IMAGE_TAG,
  OBJECT_NAME,
} from '../validators.ts';

type JsonSchema = Record<string, unknown>;

const str: JsonSchema = { type: 'string' };
const bool: JsonSchema = { type: 'boolean' };
const int = (minimum: number, maximum?: number): JsonSchema => ({
  type: 'integer',
  minimum,
  ...(maximum === undefined ? {} : { maximum }),
});
const pattern = (rule: { pattern: string; forbidden?: string[] }, allowEmpty = false): JsonSchema => ({
  type: 'string',
  pattern: allowEmpty ? `^$|${rule.pattern}` : rule.pattern,
  ...(rule.forbidden ? { not: { enum: rule.forbidden } } : {}),
});
const stringMap: JsonSchema = {
  type: 'object',
  propertyNames: { pattern: ANNOTATION_KEY.pattern },
  additionalProperties: { type: 'string' },
};
const freeObject: JsonSchema = { type: 'object' };
const freeList: JsonSchema = { type: 'array' };

/** A Kubernetes quantity: "100m", "128Mi", or a plain number. */
const quantity: JsonSchema = {
  anyOf: [
    { type: 'string', pattern: '^[+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+|[numkMGTPE]|[KMGTPE]i)?$' },
    { type: 'number', minimum: 0 },
  ],
};
const resourceList: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { cpu: quantity, memory: quantity, 'ephemeral-storage': quantity },
};
const resources: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { requests: resourceList, limits: resourceList },
};

const portRef: JsonSchema = { anyOf: [{ type: 'integer', minimum: 1, maximum: 65535 }, { type: 'string', minLength: 1 }] };
/** The fields of a Kubernetes probe, so a misplaced field (minReadySeconds) fails `helm lint`. */
const probe: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    enabled: bool,
    httpGet: {
      type: 'object',
      additionalProperties: false,
      required: ['port'],
      properties: {
        path: str,
        port: portRef,
        scheme: { enum: ['HTTP', 'HTTPS'] },
        host: str,
        httpHeaders: freeList,
      },
    },
    tcpSocket: {
      type: 'object',
      additionalProperties: false,
      required: ['port'],
      properties: { port: portRef, host: str },
    },
    grpc: {
      type: 'object',
      additionalProperties: false,
      required: ['port'],
      properties: { port: int(1, 65535), service: str },
    },
    exec: {
      type: 'object',
      additionalProperties: false,
      required: ['command'],
      properties: { command: { type: 'array', items: str, minItems: 1 } },
    },
    initialDelaySeconds: int(0),
    periodSeconds: int(1),
    timeoutSeconds: int(1),
    successThreshold: int(1),
    failureThreshold: int(1),
    terminationGracePeriodSeconds: int(1),
  },
};

const seccompProfile: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { type: { enum: ['RuntimeDefault', 'Localhost', 'Unconfined'] }, localhostProfile: str },
};
const podSecurityContext: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    runAsNonRoot: bool,
    runAsUser: int(0),
    runAsGroup: int(0),
    fsGroup: int(0),
    fsGroupChangePolicy: { enum: ['OnRootMismatch', 'Always'] },
    supplementalGroups: { type: 'array', items: int(0) },
    seccompProfile,
    sysctls: freeList,
  },
};
const containerSecurityContext: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    runAsNonRoot: bool,
    runAsUser: int(0),
    runAsGroup: int(0),
    allowPrivilegeEscalation: bool,
    privileged: bool,
    readOnlyRootFilesystem: bool,
    capabilities: {
      type: 'object',
      additionalProperties: false,
      properties: { add: { type: 'array', items: str }, drop: { type: 'array', items: str } },
    },
    seccompProfile,
  },
};

function imageNodes(model: ChartModel): ValueNode[] {
  return [
    group('image', 'The container image', [
      leaf('repository', model.image.repository, pattern(IMAGE_REPOSITORY), 'Image repository'),
      leaf('tag', model.image.tag, pattern(IMAGE_TAG, true), 'Image tag; empty means the chart appVersion', [
        'Never "latest": a pinned tag makes every install of a chart version run the same code.',
      ]),
      leaf('digest', model.image.digest, pattern(IMAGE_DIGEST, true), 'Image digest (sha256:...); pins the image even if the tag moves'),
      leaf('pullPolicy', model.image.pullPolicy, { enum: ['IfNotPresent', 'Always', 'Never'] }, 'Image pull policy'),
    ]),
    leaf('imagePullSecrets', [], { type: 'array', items: { type: 'object', required: ['name'], properties: { name: str }, additionalProperties: false } }, 'Secrets for pulling from a private registry, e.g. [{name: regcred}]'),
  ];
}

function workloadNodes(model: ChartModel): ValueNode[] {
  const nodes: ValueNode[] = [
    leaf('nameOverride', '', str, 'Replaces the chart name in object names'),
    leaf('fullnameOverride', '', str, 'Replaces the whole object name prefix'),
  ];
  if (model.workload.kind === 'Deployment' || model.workload.kind === 'StatefulSet') {
    nodes.push(leaf('replicaCount', model.workload.replicas, int(0), 'Pod count (ignored while autoscaling is on)'));
  }
  nodes.push(
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
  );
  if (model.service.enabled) {
    nodes.push(
      leaf('livenessProbe', { enabled: true, tcpSocket: { port: 'http' } }, probe, 'Liveness probe; the pod restarts when it fails', [
        'A TCP check on the container port: set httpGet with your health path if the app has one.',
      ]),
      leaf('readinessProbe', { enabled: true, tcpSocket: { port: 'http' } }, probe, 'Readiness probe; the Service sends traffic only to ready pods'),
    );
  }
  nodes.push(
    leaf('nodeSelector', {}, { type: 'object', additionalProperties: str }, 'Node labels the pods must run on'),
    leaf('tolerations', [], freeList, 'Tolerations for node taints'),
    leaf('affinity', {}, freeObject, 'Affinity rules'),
  );
  return nodes;
}

function serviceAccountNodes(): ValueNode[] {
  return [
    group('serviceAccount', 'The ServiceAccount the pods run as', [
      leaf('create', true, bool, 'Create a ServiceAccount'),
      leaf('name', '', pattern(OBJECT_NAME, true), 'Its name; empty means the chart fullname'),
      leaf('annotations', {}, stringMap, 'Annotations, e.g. for cloud workload identity'),
      leaf('automount', false, bool, 'Mount an API token into the pods', [
        'Off: the app does not call the Kubernetes API, so a stolen pod cannot either.',
      ]),
    ]),
  ];
}

function serviceNodes(model: ChartModel): ValueNode[] {
  return [
    group('service', 'The Service in front of the pods', [
      leaf('enabled', true, bool, 'Create the Service'),
      leaf('type', model.service.type, { enum: ['ClusterIP', 'NodePort', 'LoadBalancer'] }, 'Service type'),
      leaf('port', model.service.port, int(1, 65535), 'Port of the Service and of the container'),
      leaf('annotations', model.service.annotations, stringMap, 'Service annotations'),
    ]),
  ];
}

function ingressNodes(model: ChartModel): ValueNode[] {
  const { ingress } = model;
  return [
    group('ingress', 'The Ingress for the Service', [
      leaf('enabled', true, bool, 'Create the Ingress'),
      leaf('className', ingress.className, pattern(OBJECT_NAME, true), "IngressClass name; empty means the cluster's default class"),
      leaf('annotations', ingress.annotations, stringMap, 'Ingress annotations'),
      leaf('hosts', [{ host: ingress.host, paths: [{ path: ingress.path, pathType: ingress.pathType }] }], {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['host', 'paths'],
          properties: {
            host: pattern(HOSTNAME),
            paths: {
              type: 'array',
              minItems: 1,
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['path'],
                properties: {
                  path: pattern(HTTP_PATH),
                  pathType: { enum: ['Prefix', 'Exact', 'ImplementationSpecific'] },
                },
              },
            },
          },
        },
      }, 'Hosts and paths routed to the Service'),
      group('tls', 'TLS with a certificate that cert-manager issues (its ingress-shim reads the annotation)', [
        leaf('enabled', ingress.tls.enabled, bool, 'Serve TLS for every host'),
        leaf('issuer', ingress.tls.issuer, pattern(OBJECT_NAME, true), 'cert-manager issuer name'),
        leaf('issuerKind', ingress.tls.issuerKind, { enum: ['ClusterIssuer', 'Issuer'] }, 'Kind of the issuer'),
        leaf('secretName', '', pattern(OBJECT_NAME, true), 'Secret that holds the certificate; empty means <fullname>-tls'),
      ]),
    ]),
  ];
}

function configNodes(model: ChartModel): ValueNode[] {
  return [
    group('config', 'Configuration in a ConfigMap, given to the app as environment variables', [
      leaf('enabled', true, bool, 'Create the ConfigMap'),
      leaf('data', model.config.data, {
        type: 'object',
        propertyNames: { pattern: CONFIG_KEY.pattern },
        additionalProperties: { type: 'string' },
      }, 'ConfigMap entries; the pods roll when one changes'),
    ]),
  ];
}

function secretNodes(model: ChartModel): ValueNode[] {
  return [
    group('secrets', 'A Secret given to the app as environment variables, kept across upgrades and uninstall', [
      leaf('enabled', true, bool, 'Create the Secret'),
      leaf('keys', model.secrets.keys, { type: 'array', uniqueItems: true, items: pattern(ENV_VAR_NAME) }, 'Secret key names'),
      leaf('values', {}, {
        type: 'object',
        propertyNames: { pattern: ENV_VAR_NAME.pattern },
        additionalProperties: { type: 'string' },
      }, 'Values for the keys, set at install (--set secrets.values.KEY=...); a key without one gets a random value on first install, kept on upgrade', [
        'Never commit secret values here. The pods roll when a value given here changes.',
      ]),
    ]),
  ];
}

function autoscalingNodes(model: ChartModel): ValueNode[] {
  const { autoscaling } = model;
  return [
    group('autoscaling', 'A HorizontalPodAutoscaler (autoscaling/v2); while on, the chart leaves replicas to it', [
      leaf('enabled', true, bool, 'Create the HorizontalPodAutoscaler'),
      leaf('minReplicas', autoscaling.minReplicas, int(1), 'Fewest replicas'),
      leaf('maxReplicas', autoscaling.maxReplicas, int(1), 'Most replicas'),
      leaf('targetCPUUtilizationPercentage', autoscaling.targetCPUUtilizationPercentage, int(1, 100), 'Average CPU use to aim at, in percent of the request'),
    ]),
  ];
}

function testNodes(): ValueNode[] {
  return [
    group('tests', 'The `helm test` pod that checks the Service answers', [
      group('image', 'Its image', [
        leaf('repository', 'docker.io/library/busybox', pattern(IMAGE_REPOSITORY), 'Test image repository'),
        leaf('tag', '1.37.0', pattern(IMAGE_TAG), 'Test image tag'),
      ]),
    ]),
  ];
}

export function chartValues(model: ChartModel): ValueSection[] {
  const sections: ValueSection[] = [
    { title: 'Image', nodes: imageNodes(model) },
    { title: model.workload.kind, nodes: workloadNodes(model) },
    { title: 'ServiceAccount', nodes: serviceAccountNodes() },
  ];
  if (model.service.enabled) sections.push({ title: 'Service', nodes: serviceNodes(model) });
  if (model.ingress.enabled) sections.push({ title: 'Ingress', nodes: ingressNodes(model) });
  if (model.config.enabled) sections.push({ title: 'Configuration', nodes: configNodes(model) });
  if (model.secrets.enabled) sections.push({ title: 'Secrets', nodes: secretNodes(model) });
  if (model.autoscaling.enabled) sections.push({ title: 'Autoscaling', nodes: autoscalingNodes(model) });
  if (model.service.enabled) sections.push({ title: 'Tests', nodes: testNodes() });
  return sections;
}
