// The JSON Schema of the answers file. It checks shapes, types and patterns; rules that join
// several fields (a CronJob needs a schedule, min <= max) live in rules.ts, so each message can
// name the field the user must change. The build writes this schema to schema/answers.schema.json
// and compiles it into a standalone validator, so the bin never compiles a schema at start-up.
import {
  ABSOLUTE_PATH,
  ANNOTATION_KEY,
  API_GROUP,
  API_RESOURCE,
  CHART_NAME,
  CONFIG_KEY,
  EMAIL,
  ENV_VAR_NAME,
  HOSTNAME,
  HTTP_PATH,
  IMAGE_DIGEST,
  IMAGE_REPOSITORY,
  IMAGE_TAG,
  NAMESPACE,
  OBJECT_NAME,
  QUANTITY,
  RBAC_VERBS,
} from '../validators.ts';
import { SERVICE_PROTOCOLS } from '../protocols.ts';
import { INGRESS_CONTROLLER_NAMES } from '../controllers.ts';
import { WORKLOAD_KINDS } from '../kinds/traits.ts';

type Schema = Record<string, unknown>;

/** An object whose keys are all known: a typo is an error, never silently ignored. */
function object(properties: Record<string, Schema>, description: string, required: string[] = []): Schema {
  return { type: 'object', description, additionalProperties: false, properties, ...(required.length ? { required } : {}) };
}

function text(
  rule: { pattern: string; message: string; maxLength?: number; forbidden?: string[] },
  description: string,
): Schema {
  return {
    type: 'string',
    description,
    pattern: rule.pattern,
    ...(rule.maxLength === undefined ? {} : { maxLength: rule.maxLength }),
    ...(rule.forbidden ? { not: { enum: rule.forbidden } } : {}),
    'x-message': rule.message,
  };
}

/** Free text on one line: no line breaks or other control characters. */
const oneLine: Schema = {
  type: 'string',
  allOf: [
    { pattern: '^[^\\u0000-\\u001f\\u007f]*$', 'x-message': 'must be one line of text, without line breaks or other control characters' },
  ],
};

const integer = (minimum: number, maximum: number, description: string): Schema => ({
  type: 'integer',
  minimum,
  maximum,
  description,
});
const boolean = (description: string): Schema => ({ type: 'boolean', description });
const choice = (values: string[], description: string): Schema => ({ type: 'string', enum: values, description });
const command = (description: string): Schema => ({
  type: 'array',
  minItems: 1,
  items: { type: 'string' },
  description,
});
const mountPath = (description: string): Schema => ({ ...text(ABSOLUTE_PATH, description) });
const names = (description: string, rule: { pattern: string; message: string }): Schema => ({
  type: 'array',
  minItems: 1,
  uniqueItems: true,
  description,
  items: { type: 'string', pattern: rule.pattern, 'x-message': rule.message },
});
const probeAnswer = (description: string): Schema =>
  object(
    {
      type: choice(['http', 'tcp', 'grpc', 'exec'], 'http GET, TCP connect, gRPC health, or a command'),
      path: text(HTTP_PATH, 'http: the path to GET (default /)'),
      command: command('exec: the command to run'),
      service: { type: 'string', description: 'grpc: the service name to check (default: the server)' },
    },
    description,
    ['type'],
  );

const annotations: Schema = {
  type: 'object',
  description: 'Annotations, name to value',
  propertyNames: { pattern: ANNOTATION_KEY.pattern },
  additionalProperties: { type: 'string' },
  'x-message': ANNOTATION_KEY.message,
};

const issuerFields: Record<string, Schema> = {
  issuer: text(OBJECT_NAME, 'Name of the cert-manager Issuer or ClusterIssuer'),
  issuerKind: choice(['ClusterIssuer', 'Issuer'], 'Kind of the issuer (default ClusterIssuer)'),
};

export { WORKLOAD_KINDS } from '../kinds/traits.ts';
export const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer'] as const;
export const PATH_TYPES = ['Prefix', 'Exact', 'ImplementationSpecific'] as const;
export const PULL_POLICIES = ['IfNotPresent', 'Always', 'Never'] as const;
export const ACCESS_MODES = ['ReadWriteOnce', 'ReadWriteOncePod', 'ReadWriteMany', 'ReadOnlyMany'] as const;

export const answersSchema: Schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://k8s-chart.dev/answers.schema.json',
  title: 'k8s-chart answers',
  ...object(
    {
      name: text(CHART_NAME, 'Chart name; the chart is written to <output>/<name>/'),
      description: { ...oneLine, maxLength: 1024, description: "Chart.yaml's description" },
      version: {
        type: 'string',
        pattern: '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$',
        description: "Chart.yaml's version (default 0.1.0)",
        'x-message': 'must be a version such as 0.1.0',
      },
      appVersion: {
        ...oneLine,
        minLength: 1,
        maxLength: 128,
        description: "The application's version; the default image tag",
      },
      image: object(
        {
          repository: text(IMAGE_REPOSITORY, 'Image repository, without tag'),
          tag: text(IMAGE_TAG, 'Image tag (default: appVersion); never latest'),
          digest: text(IMAGE_DIGEST, 'Image digest; pins the image even if the tag moves'),
          pullPolicy: choice([...PULL_POLICIES], 'Image pull policy (default IfNotPresent)'),
        },
        'The container image',
        ['repository'],
      ),
      workload: object(
        {
          kind: choice([...WORKLOAD_KINDS], 'Workload kind (default Deployment)'),
          replicas: integer(0, 1000, 'Pod count, for Deployment and StatefulSet (default 1)'),
          schedule: {
            type: 'string',
            minLength: 1,
            description: 'CronJob schedule in cron syntax',
          },
          timeZone: { type: 'string', minLength: 1, description: 'CronJob time zone (IANA name, default Etc/UTC)' },
          livenessCommand: command('A worker\'s liveness check: a command run in the container'),
          command: command("The container's command (default: the image's entrypoint)"),
          args: command("The container's arguments (default: the image's command)"),
        },
        'What runs the pods',
      ),
      service: object(
        {
          port: integer(1, 65535, 'The container port; long-running kinds get a Service on it'),
          servicePort: integer(1, 65535, "The Service's port, e.g. 80 in front of container port 8080 (default: service.port)"),
          protocol: choice([...SERVICE_PROTOCOLS], "The app's protocol (default http): the port's name and appProtocol say it to meshes and gateways"),
          type: choice([...SERVICE_TYPES], 'Service type (default ClusterIP)'),
          annotations,
        },
        'The Service in front of the pods',
      ),
      ingress: object(
        {
          enabled: boolean('Expose the Service through an Ingress'),
          className: text(OBJECT_NAME, "IngressClass name (default: none, the cluster's default class)"),
          host: text(HOSTNAME, 'Host name the Ingress serves'),
          path: text(HTTP_PATH, 'Path the Ingress routes (default /)'),
          pathType: choice([...PATH_TYPES], 'How the path matches (default Prefix)'),
          annotations,
          tls: object(
            { enabled: boolean('Serve TLS with a certificate issued by cert-manager'), ...issuerFields },
            'TLS with a certificate issued by cert-manager',
          ),
        },
        'An Ingress for the Service',
      ),
      config: object(
        {
          enabled: boolean('Render a ConfigMap; the pods roll when it changes'),
          data: {
            type: 'object',
            description: 'ConfigMap entries, key to value',
            propertyNames: { pattern: CONFIG_KEY.pattern, maxLength: CONFIG_KEY.maxLength },
            additionalProperties: { type: ['string', 'number', 'boolean'] },
            'x-message': CONFIG_KEY.message,
          },
          mountPath: mountPath('Mount the entries as files here instead of environment variables'),
        },
        'Configuration as a ConfigMap',
      ),
      secrets: object(
        {
          enabled: boolean('Render a Secret kept across upgrades and uninstall'),
          keys: {
            type: 'array',
            description: 'Secret key names (never values)',
            uniqueItems: true,
            items: text(ENV_VAR_NAME, 'Secret key name'),
          },
          provided: {
            type: 'array',
            description:
              "Keys of secrets.keys whose values you provide (an external system's credential): never generated; the chart refuses to install without them, and an upgrade keeps the value in the cluster",
            uniqueItems: true,
            items: text(ENV_VAR_NAME, 'Secret key name'),
          },
          mountPath: mountPath('Mount the keys as files here instead of environment variables'),
          existingSecret: text(OBJECT_NAME, 'Use this Secret, managed elsewhere, instead of one of the chart'),
          externalSecret: object(
            {
              storeName: text(OBJECT_NAME, 'The external-secrets SecretStore or ClusterSecretStore to read from'),
              storeKind: choice(['ClusterSecretStore', 'SecretStore'], 'Its kind (default ClusterSecretStore)'),
              remoteKey: { type: 'string', minLength: 1, description: 'The key in the store that holds the values, one property per key (default: the chart name)' },
            },
            'An ExternalSecret (external-secrets.io/v1) fills the Secret from a secret store',
            ['storeName'],
          ),
        },
        'A Secret whose values are set at install or generated',
      ),
      autoscaling: object(
        {
          enabled: boolean('Add a HorizontalPodAutoscaler (Deployment and StatefulSet)'),
          minReplicas: integer(1, 1000, 'Fewest replicas (default 2)'),
          maxReplicas: integer(1, 1000, 'Most replicas (default 10)'),
          targetCPUUtilizationPercentage: integer(1, 100, 'Average CPU use to aim at, in percent of the CPU request (default 70)'),
          targetMemoryUtilizationPercentage: integer(1, 100, 'Also scale on memory: average use to aim at, in percent of the memory request (default: not on memory)'),
        },
        'Horizontal pod autoscaling',
      ),
      httpRoute: object(
        {
          enabled: boolean('Route traffic to the Service with a Gateway API HTTPRoute'),
          hostnames: {
            type: 'array',
            minItems: 1,
            uniqueItems: true,
            items: text(HOSTNAME, 'A host name'),
            description: 'Host names the route serves',
          },
          path: text(HTTP_PATH, 'Path prefix the route matches (default /)'),
          parentRefs: {
            type: 'array',
            minItems: 1,
            description: 'The shared Gateway(s) the route attaches to',
            items: object(
              {
                name: text(OBJECT_NAME, 'Gateway name'),
                namespace: text(NAMESPACE, "Gateway namespace (default: the release's)"),
                sectionName: text(OBJECT_NAME, 'Listener of the Gateway'),
              },
              'A Gateway',
              ['name'],
            ),
          },
          gateway: object(
            {
              create: boolean('Create a Gateway of the chart instead of attaching to a shared one'),
              className: text(OBJECT_NAME, 'Its gatewayClassName'),
              tls: object(issuerFields, 'Its HTTPS listeners get certificates that cert-manager issues'),
            },
            'A Gateway of the chart',
          ),
        },
        'Gateway API routing, beside or instead of an Ingress',
      ),
      acmeIssuer: object(
        {
          email: text(EMAIL, 'Contact e-mail of the ACME account'),
          server: {
            type: 'string',
            pattern: '^https://[^\\s]+$',
            description: "ACME directory URL (default: Let's Encrypt production)",
            'x-message': 'must be an https:// URL',
          },
          kind: choice(['Issuer', 'ClusterIssuer'], 'A namespaced Issuer (default), or a ClusterIssuer named per release'),
        },
        "An ACME issuer of the chart's own (HTTP-01), for TLS that names no issuer",
        ['email'],
      ),
      probes: object(
        {
          liveness: probeAnswer('Liveness check: the container restarts when it fails (default: TCP on the port)'),
          readiness: probeAnswer('Readiness check: the Service sends traffic only to ready pods (default: as liveness)'),
          startup: probeAnswer('Startup check for slow starters: the other checks wait for it (default: none)'),
        },
        'Health checks of an app with a port',
      ),
      rbac: object(
        {
          rules: {
            type: 'array',
            minItems: 1,
            description: 'What the app may do with the Kubernetes API: exactly these rules, no wildcards',
            items: object(
              {
                apiGroups: names('API groups ("" is the core group)', API_GROUP),
                resources: names('Resources such as configmaps or pods/log', API_RESOURCE),
                verbs: {
                  type: 'array',
                  minItems: 1,
                  uniqueItems: true,
                  description: 'Verbs',
                  items: choice(RBAC_VERBS, 'A verb (never *)'),
                },
                resourceNames: names('Only these objects', OBJECT_NAME),
              },
              'One RBAC rule',
              ['apiGroups', 'resources', 'verbs'],
            ),
          },
          clusterWide: boolean('A ClusterRole and ClusterRoleBinding instead of a Role and RoleBinding'),
        },
        'Access to the Kubernetes API; without rules the pods get no API token at all',
      ),
      networkPolicy: object(
        {
          enabled: boolean('A NetworkPolicy that admits traffic only on the service port (default true)'),
          ingressNamespace: text(NAMESPACE, "Namespace of the ingress controller's or gateway's proxies that may reach the pods (default: the controller's)"),
          ingressController: choice([...INGRESS_CONTROLLER_NAMES], 'The controller whose proxies send the Ingress and Gateway traffic; the NetworkPolicy admits them where they run by default'),
          ingressFrom: {
            type: 'array',
            minItems: 1,
            description: 'The sources of that traffic, as NetworkPolicyPeer objects; they replace ingressNamespace and ingressController',
            items: {
              type: 'object',
              description: 'A NetworkPolicyPeer',
              additionalProperties: false,
              minProperties: 1,
              properties: {
                namespaceSelector: { type: 'object', description: 'Namespaces by label' },
                podSelector: { type: 'object', description: 'Pods by label' },
                ipBlock: {
                  type: 'object',
                  description: 'Addresses: {cidr, except}',
                  required: ['cidr'],
                  properties: { cidr: { type: 'string', description: 'e.g. 10.0.0.0/8' }, except: { type: 'array', items: { type: 'string' }, description: 'CIDRs left out' } },
                },
              },
            },
          },
        },
        'The NetworkPolicy of the pods',
      ),
      persistence: object(
        {
          enabled: boolean('Give the pods a persistent volume'),
          size: text(QUANTITY, 'Volume size (default 1Gi)'),
          mountPath: mountPath('Where the volume is mounted (default /data)'),
          accessModes: {
            type: 'array',
            minItems: 1,
            uniqueItems: true,
            items: choice([...ACCESS_MODES], 'Access mode'),
            description: 'Access modes (default [ReadWriteOnce])',
          },
          storageClass: text(OBJECT_NAME, "StorageClass (default: the cluster's default class)"),
          existingClaim: text(OBJECT_NAME, 'Use this existing PersistentVolumeClaim instead of creating one'),
        },
        'Storage: a claim per pod for a StatefulSet, one claim for a Deployment, an existing claim for other kinds',
      ),
    },
    'Answers for k8s-chart',
    ['name', 'image'],
  ),
};
