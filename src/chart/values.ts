// The values of a generated chart: defaults from the model, with their schema and description.
// Only the parts the answers chose appear; each keeps an `enabled` switch.
import type { ChartModel } from '../model.ts';
import { group, leaf, type ValueNode, type ValueSection } from './values-tree.ts';
import { PARTS } from '../parts/index.ts';
import { kindTraits } from '../kinds/traits.ts';
import { trafficPeers } from '../controllers.ts';
import {
  bool,
  containerSecurityContext,
  envVar,
  k8s,
  k8sList,
  toleration,
  hpaBehavior,
  int,
  pattern,
  podSecurityContext,
  intOrString,
  probe,
  quantity,
  resourceList,
  resources,
  type JsonSchema,
  str,
  stringMap,
  labelMap,
} from './schemas.ts';
import {
  ABSOLUTE_PATH,
  API_GROUP,
  API_RESOURCE,
  CONFIG_KEY,
  EMAIL,
  ENV_VAR_NAME,
  HOSTNAME,
  HTTP_PATH,
  IMAGE_DIGEST,
  IMAGE_REPOSITORY,
  IMAGE_TAG,
  OBJECT_NAME,
  RBAC_VERBS,
} from '../validators.ts';

export function imageNodes(model: ChartModel): ValueNode[] {
  return [
    group('image', 'The container image', [
      leaf('repository', model.image.repository, pattern(IMAGE_REPOSITORY), 'Image repository'),
      leaf('tag', model.image.tag, pattern(IMAGE_TAG, true), 'Image tag; empty means the chart appVersion', [
        'Never "latest": a pinned tag makes every install of a chart version run the same code.',
      ]),
      leaf('digest', model.image.digest, pattern(IMAGE_DIGEST, true), 'Image digest (sha256:...); pins the image even if the tag moves'),
      leaf('pullPolicy', model.image.pullPolicy, { enum: ['IfNotPresent', 'Always', 'Never'] }, 'Image pull policy'),
    ]),
    leaf('imagePullSecrets', [], pullSecretList, 'Secrets for pulling from a private registry, e.g. [{name: regcred}] (global.imagePullSecrets come first)'),
  ];
}

const registry: JsonSchema = { type: 'string', pattern: '^$|^(localhost|[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*)(:[0-9]+)?(/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*/?$' };
const pullSecretList: JsonSchema = {
  type: 'array',
  items: {
    anyOf: [
      pattern(OBJECT_NAME),
      { type: 'object', required: ['name'], properties: { name: pattern(OBJECT_NAME) }, additionalProperties: false },
    ],
  },
};

function globalNodes(): ValueNode[] {
  return [
    group('global', "Values shared with a parent chart, read as Bitnami's charts read them (other keys a parent passes are admitted)", [
      leaf('imageRegistry', '', registry, "Registry of every image of the chart (the app's and the `helm test` pod's), replacing the one in its repository, e.g. a mirror"),
      leaf('imagePullSecrets', [], pullSecretList, "Pull secrets for every pod of the chart, before the chart's own imagePullSecrets: names, or {name} maps"),
      group('compatibility', 'Adapting the chart to a kind of cluster', [
        group('openshift', 'OpenShift', [
          leaf('adaptSecurityContext', 'auto', { enum: ['auto', 'force', 'disabled'] }, 'Leave out the fixed runAsUser, runAsGroup, fsGroup and seLinuxOptions, which OpenShift assigns: auto (when the cluster serves security.openshift.io/v1), force, or disabled', [
          'helm template sees no cluster: pass --api-versions security.openshift.io/v1 to render for OpenShift.',
        ]),
        ]),
      ]),
    ]),
  ];
}

export function commonNodes(): ValueNode[] {
  return [
    ...globalNodes(),
    leaf('nameOverride', '', str, 'Replaces the chart name in object names'),
    leaf('fullnameOverride', '', str, 'Replaces the whole object name prefix'),
    leaf('commonLabels', {}, labelMap, 'Labels added to every object the chart renders and to its pod templates; never to a selector', [
      "The chart's own labels (app.kubernetes.io/*, helm.sh/chart) win over a commonLabel of the same key.",
    ]),
    leaf('commonAnnotations', {}, stringMap, "Annotations added to every object the chart renders (not to the pod templates: use podAnnotations); an object's own annotations win"),
    leaf('extraDeploy', [], { type: 'array', items: { anyOf: [{ type: 'object' }, { type: 'string' }] } }, "More manifests to deploy with the release: maps or strings, each rendered through tpl, so .Release.Name and the chart's helpers work inside"),
  ];
}

export function podNodes(model: ChartModel): ValueNode[] {
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

export function serviceAccountNodes(model: ChartModel): ValueNode[] {
  const { rbac } = model;
  const nodes: ValueNode[] = [
    group('serviceAccount', 'The ServiceAccount the pods run as', [
      leaf('create', true, bool, 'Create a ServiceAccount'),
      leaf('name', '', pattern(OBJECT_NAME, true), 'Its name; empty means the chart fullname'),
      leaf('annotations', {}, stringMap, 'Annotations, e.g. for cloud workload identity'),
      leaf('automount', rbac.enabled, bool, 'Mount an API token into the pods', [
        rbac.enabled
          ? 'On: the app calls the Kubernetes API, with exactly the rights in rbac.rules.'
          : 'Off: the app does not call the Kubernetes API, so a stolen pod cannot either.',
      ]),
    ]),
  ];
  if (rbac.enabled) {
    nodes.push(
      group('rbac', `A ${rbac.clusterWide ? 'ClusterRole and ClusterRoleBinding' : 'Role and RoleBinding'} for the ServiceAccount: least privilege`, [
        leaf('create', true, bool, 'Create the role and its binding'),
        leaf('rules', rbac.rules, {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['apiGroups', 'resources', 'verbs'],
            properties: {
              apiGroups: { type: 'array', items: pattern(API_GROUP) },
              resources: { type: 'array', items: pattern(API_RESOURCE) },
              verbs: { type: 'array', items: { enum: RBAC_VERBS } },
              resourceNames: { type: 'array', items: str },
            },
          },
        }, 'The API rights of the app; the schema refuses "*"'),
      ]),
    );
  }
  return nodes;
}

const peerList: JsonSchema = { type: 'array', items: { type: 'object' } };
const cidr: JsonSchema = { type: 'string', pattern: '^[0-9a-fA-F.:]+/[0-9]{1,3}$' };

export function networkPolicyNodes(model: ChartModel): ValueNode[] {
  const listens = model.service.enabled;
  const traffic = trafficPeers(model);
  const controller = model.networkPolicy.ingressController;
  const sourceNotes = traffic.unknown
    ? ['No controller was named, so every namespace may reach the service port ({namespaceSelector: {}}): set the namespace your ingress controller or gateway runs in.']
    : controller
      ? [`The proxies of ${controller} where its install docs put them${model.networkPolicy.ingressNamespace ? `, in ${model.networkPolicy.ingressNamespace} as answered` : ''}.`]
      : [];
  return [
    group('networkPolicy', listens
      ? 'A NetworkPolicy: the pods accept traffic only on the service port, only from the peers below'
      : 'A NetworkPolicy: the pods accept no inbound traffic (they listen on no port)', [
      leaf('enabled', model.networkPolicy.enabled, bool, 'Create the NetworkPolicy (needs a network plugin that enforces it)'),
      ...(listens
        ? [
            leaf('allowSameNamespace', true, bool, 'Admit pods of the release namespace (also the proxies of a Gateway there)'),
            leaf('ingressFrom', traffic.peers, peerList, 'More peers admitted, as NetworkPolicyPeer objects: the ingress controller\'s or gateway\'s proxies', [
              ...sourceNotes,
              'A LoadBalancer or NodePort service.type also admits 0.0.0.0/0 and ::/0: its traffic comes from node and client addresses.',
            ]),
            ...(traffic.ciliumIngress
              ? [leaf('ciliumIngress', true, bool, "A CiliumNetworkPolicy admitting Cilium's reserved ingress identity (fromEntities: [ingress]) on the service port", [
                  "Cilium's Ingress and Gateway proxies carry that identity, which no Kubernetes NetworkPolicy peer matches.",
                ])]
              : []),
          ]
        : []),
      group('egress', 'Outbound traffic', [
        leaf('restrict', false, bool, `Allow only DNS${model.rbac.enabled ? ', the API server' : ''} and the destinations in egress.to (off: all outbound traffic is allowed)`),
        group('dns', 'DNS, always allowed while egress is restricted: kube-dns in kube-system and OpenShift\'s DNS in openshift-dns, on ports 53 and 5353', [
          leaf('nodeLocalAddress', '', { type: 'string', pattern: '^([0-9a-fA-F.:]+)?$' }, "NodeLocal DNSCache's address (e.g. 169.254.20.10) when the pods' resolver points there"),
        ]),
        ...(model.rbac.enabled
          ? [group('apiServer', 'The Kubernetes API server, which the app calls (rbac.rules); its addresses are not known when the chart renders', [
              leaf('cidrs', [], { type: 'array', items: cidr }, 'Its addresses as CIDRs (kubectl get endpointslices -n default -l kubernetes.io/service-name=kubernetes); required while egress is restricted'),
              leaf('ports', [443, 6443], { type: 'array', items: int(1, 65535) }, 'Its ports (the endpoints\' ports, after the kubernetes Service)'),
            ])]
          : []),
        leaf('to', [], { type: 'array', items: { type: 'object' } }, 'Allowed destinations, as NetworkPolicyEgressRule objects; DNS is always allowed'),
      ]),
    ]),
  ];
}

export function disruptionBudgetNodes(): ValueNode[] {
  return [
    group('podDisruptionBudget', 'A PodDisruptionBudget (policy/v1), rendered while more than one replica runs', [
      leaf('enabled', true, bool, 'Create the PodDisruptionBudget'),
      leaf('maxUnavailable', 1, intOrString, 'Pods a voluntary disruption (a node drain) may take down at once', [
        'Never 0: the API accepts it, but then no drain or node upgrade ever finishes (k8s-chart check reports it).',
      ]),
    ]),
  ];
}

export function namespacePolicyNodes(): ValueNode[] {
  return [
    group('namespacePolicy', 'Opt-in limits for the release namespace; the chart does not own the namespace itself', [
      group('resourceQuota', 'A ResourceQuota: the most the namespace may request', [
        leaf('enabled', false, bool, 'Create the ResourceQuota'),
        leaf('hard', { 'requests.cpu': '4', 'requests.memory': '8Gi', 'limits.memory': '16Gi', pods: '50' }, { type: 'object', additionalProperties: quantity }, 'Quota limits'),
      ]),
      group('limitRange', 'A LimitRange: defaults for containers that set no resources', [
        leaf('enabled', false, bool, 'Create the LimitRange'),
        leaf('defaultRequest', { cpu: '100m', memory: '128Mi' }, resourceList, 'Default requests'),
        leaf('default', { memory: '256Mi' }, resourceList, 'Default limits'),
      ]),
    ]),
  ];
}

export function serviceNodes(model: ChartModel): ValueNode[] {
  return [
    group('service', 'The Service in front of the pods', [
      leaf('enabled', true, bool, 'Create the Service'),
      leaf('type', model.service.type, { enum: ['ClusterIP', 'NodePort', 'LoadBalancer'] }, 'Service type'),
      leaf('port', model.service.port, int(1, 65535), `The container port, named ${model.service.portName} (the probes and the NetworkPolicy use the name)`),
      leaf('servicePort', model.service.servicePort, int(0, 65535), "Port of the Service; 0: the container port"),
      leaf('annotations', model.service.annotations, stringMap, 'Service annotations'),
    ]),
  ];
}

export function ingressNodes(model: ChartModel): ValueNode[] {
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
        leaf('issuer', ingress.tls.issuer, pattern(OBJECT_NAME, true), model.acmeIssuer.enabled ? "cert-manager issuer name; empty: the chart's own ACME issuer" : 'cert-manager issuer name'),
        leaf('issuerKind', ingress.tls.issuerKind, { enum: ['ClusterIssuer', 'Issuer'] }, 'Kind of the issuer'),
        leaf('secretName', '', pattern(OBJECT_NAME, true), 'Secret that holds the certificate; empty means <fullname>-tls'),
      ]),
    ]),
  ];
}

export function httpRouteNodes(model: ChartModel): ValueNode[] {
  const route = model.httpRoute;
  const own = route.gateway.create;
  const nodes: ValueNode[] = [
    leaf('enabled', true, bool, 'Create the HTTPRoute (gateway.networking.k8s.io/v1)'),
    leaf('annotations', {}, stringMap, 'HTTPRoute annotations'),
    leaf('parentRefs', route.parentRefs, {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: pattern(OBJECT_NAME),
          namespace: pattern(OBJECT_NAME),
          sectionName: pattern(OBJECT_NAME),
          group: str,
          kind: str,
          port: int(1, 65535),
        },
      },
    }, own ? "Shared Gateways to attach to as well; the chart's own Gateway is always attached" : 'The shared Gateway(s) the route attaches to; the platform owns them and their TLS'),
    leaf('hostnames', route.hostnames, { type: 'array', minItems: 1, items: pattern(HOSTNAME) }, 'Host names the route serves'),
    leaf('rules', [{ matches: [{ path: { type: 'PathPrefix', value: route.path } }] }], {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: { matches: { type: 'array', items: { type: 'object' } }, filters: { type: 'array', items: { type: 'object' } } },
      },
    }, 'Route rules (matches, filters); each sends its traffic to the Service'),
  ];
  if (own) {
    nodes.push(
      group('gateway', "The chart's own Gateway: an HTTPS listener per host name with a certificate from cert-manager, and an HTTP listener that redirects to HTTPS", [
        leaf('create', true, bool, 'Create the Gateway'),
        leaf('className', route.gateway.className, pattern(OBJECT_NAME), 'Its gatewayClassName'),
        leaf('issuer', route.gateway.issuer, pattern(OBJECT_NAME, model.acmeIssuer.enabled), model.acmeIssuer.enabled ? "cert-manager issuer of the listener certificates; empty: the chart's own ACME issuer" : 'cert-manager issuer of the listener certificates (needs cert-manager with Gateway API support on)'),
        leaf('issuerKind', route.gateway.issuerKind, { enum: ['ClusterIssuer', 'Issuer'] }, 'Kind of the issuer'),
      ]),
    );
  }
  return [group('httpRoute', 'Gateway API routing to the Service', nodes)];
}

export function acmeIssuerNodes(model: ChartModel): ValueNode[] {
  const { acmeIssuer } = model;
  return [
    group('acmeIssuer', "An ACME issuer of the chart's own, solving HTTP-01 through the chart's Ingress or Gateway; used where TLS names no issuer", [
      leaf('create', true, bool, 'Create the issuer'),
      leaf('kind', acmeIssuer.kind, { enum: ['Issuer', 'ClusterIssuer'] }, 'Issuer (namespaced) or ClusterIssuer (named after the release and namespace, so releases never collide)'),
      leaf('email', acmeIssuer.email, pattern(EMAIL), 'Contact e-mail of the ACME account'),
      leaf('server', acmeIssuer.server, { type: 'string', pattern: '^https://' }, 'ACME directory URL; try https://acme-staging-v02.api.letsencrypt.org/directory first'),
    ]),
  ];
}

export function configNodes(model: ChartModel): ValueNode[] {
  return [
    group('config', 'Configuration in a ConfigMap, given to the app as environment variables', [
      leaf('enabled', true, bool, 'Create the ConfigMap'),
      leaf('data', model.config.data, {
        type: 'object',
        propertyNames: { pattern: CONFIG_KEY.pattern },
        additionalProperties: { type: 'string' },
      }, 'ConfigMap entries; the pods roll when one changes'),
      leaf('mountPath', model.config.mountPath, pattern(ABSOLUTE_PATH, true), 'Mount the entries as files in this folder (one file per key) instead of environment variables'),
    ]),
  ];
}

export function secretNodes(model: ChartModel): ValueNode[] {
  return [
    group('secrets', 'A Secret given to the app as environment variables, kept across upgrades and uninstall', [
      leaf('enabled', true, bool, 'Create the Secret'),
      leaf('keys', model.secrets.keys, { type: 'array', uniqueItems: true, items: pattern(ENV_VAR_NAME) }, 'Secret key names'),
      ...(model.secrets.provided.length
        ? [leaf('provided', model.secrets.provided, { type: 'array', uniqueItems: true, items: pattern(ENV_VAR_NAME) }, "Keys whose values you provide (an external system's credential): never generated; installing without secrets.values.KEY fails, an upgrade keeps the value in the cluster")]
        : []),
      leaf('values', {}, {
        type: 'object',
        propertyNames: { pattern: ENV_VAR_NAME.pattern },
        additionalProperties: { type: 'string' },
      }, 'Values for the keys, set at install (--set secrets.values.KEY=...); a key without one gets a random value on first install, kept on upgrade', [
        'Never commit secret values here. The pods roll when a value given here changes.',
      ]),
      leaf('mountPath', model.secrets.mountPath, pattern(ABSOLUTE_PATH, true), 'Mount the keys as files in this folder (one file per key) instead of environment variables'),
      leaf('existingSecret', model.secrets.existingSecret, pattern(OBJECT_NAME, true), 'Use this Secret, managed elsewhere (it must hold the keys), and render none', [
        'The way for GitOps tools that render without a cluster, where generated values would change on every render.',
      ]),
      ...(model.secrets.externalSecret.enabled
        ? [
            group('externalSecret', 'An ExternalSecret (external-secrets.io/v1) fills the Secret from a secret store, instead of values or generated ones', [
              leaf('enabled', true, bool, 'Render the ExternalSecret instead of the Secret'),
              leaf('secretStoreRef', { name: model.secrets.externalSecret.storeName, kind: model.secrets.externalSecret.storeKind }, {
                type: 'object',
                additionalProperties: false,
                required: ['name', 'kind'],
                properties: { name: pattern(OBJECT_NAME), kind: { enum: ['ClusterSecretStore', 'SecretStore'] } },
              }, 'The store to read from'),
              leaf('remoteKey', model.secrets.externalSecret.remoteKey, { type: 'string', minLength: 1 }, 'The key in the store; each secret key is one of its properties'),
              leaf('refreshInterval', '1h', { type: 'string', pattern: '^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$' }, 'How often the values are fetched again'),
            ]),
          ]
        : []),
    ]),
  ];
}

export function persistenceNodes(model: ChartModel): ValueNode[] {
  const { persistence, workload } = model;
  const { claim } = kindTraits(workload.kind);
  const creates = claim !== 'none' && persistence.existingClaim === '';
  const nodes: ValueNode[] = [
    leaf('enabled', true, bool, 'Mount a persistent volume'),
    leaf('mountPath', persistence.mountPath, pattern(ABSOLUTE_PATH), 'Where the volume is mounted'),
  ];
  if (claim !== 'perPod') {
    nodes.push(leaf('existingClaim', persistence.existingClaim, pattern(OBJECT_NAME, true), creates ? 'Use this existing PersistentVolumeClaim instead of creating one' : 'The existing PersistentVolumeClaim to mount'));
  }
  if (creates) {
    nodes.push(
      leaf('size', persistence.size, quantity, 'Size of the volume'),
      leaf('accessModes', persistence.accessModes, { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['ReadWriteOnce', 'ReadWriteOncePod', 'ReadWriteMany', 'ReadOnlyMany'] } }, 'Access modes; ReadWriteOnce serves the pods of one node'),
      leaf('storageClass', persistence.storageClass, pattern(OBJECT_NAME, true), "StorageClass; empty: the cluster's default class"),
    );
  }
  const notes =
    claim === 'perPod'
      ? ['A claim per pod (volumeClaimTemplates). The claims outlive `helm uninstall`, with their data.']
      : creates
        ? ['The claim carries helm.sh/resource-policy: keep: it outlives `helm uninstall`, with its data.']
        : undefined;
  return [group('persistence', `Persistent storage${notes ? `. ${notes[0]}` : ''}`, nodes)];
}

export function autoscalingNodes(model: ChartModel): ValueNode[] {
  const { autoscaling } = model;
  return [
    group('autoscaling', 'A HorizontalPodAutoscaler (autoscaling/v2); while on, the chart leaves replicas to it', [
      leaf('enabled', true, bool, 'Create the HorizontalPodAutoscaler'),
      leaf('minReplicas', autoscaling.minReplicas, int(1), 'Fewest replicas'),
      leaf('maxReplicas', autoscaling.maxReplicas, int(1), 'Most replicas'),
      leaf('targetCPUUtilizationPercentage', autoscaling.targetCPUUtilizationPercentage, int(0, 100), 'Average CPU use to aim at, in percent of resources.requests.cpu (0: not on CPU)', [
        'The HPA measures use in percent of the request: the chart fails to render without resources.requests.cpu.',
      ]),
      leaf('targetMemoryUtilizationPercentage', autoscaling.targetMemoryUtilizationPercentage, int(0, 100), 'Average memory use to aim at, in percent of resources.requests.memory (0: not on memory)'),
      leaf('behavior', {}, hpaBehavior, 'Scaling behavior (autoscaling/v2 HorizontalPodAutoscalerBehavior: scaleUp, scaleDown); empty: the Kubernetes defaults', [
        'e.g. scaleDown: {stabilizationWindowSeconds: 600, policies: [{type: Pods, value: 1, periodSeconds: 60}]}',
      ]),
    ]),
  ];
}

export function testNodes(): ValueNode[] {
  return [
    group('tests', 'The `helm test` pod that checks the Service answers', [
      group('image', 'Its image', [
        leaf('repository', 'docker.io/library/busybox', pattern(IMAGE_REPOSITORY), 'Test image repository'),
        leaf('tag', '1.37.0', pattern(IMAGE_TAG), 'Test image tag'),
      ]),
    ]),
  ];
}

/** The sections of values.yaml: each part's, in the order of the parts. */
export function chartValues(model: ChartModel): ValueSection[] {
  return PARTS.flatMap((part) => part.values?.(model) ?? []);
}
