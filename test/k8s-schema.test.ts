// Proves the strict Kubernetes schema check used on every rendered chart: good objects pass on
// both Kubernetes versions, and each kind of mistake is reported with its field path.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { validateManifest, type KubeVersion } from './support/k8s-schema.ts';

type Obj = Record<string, any>;
const VERSIONS: KubeVersion[] = ['1.28', '1.35'];
const meta = (name: string) => ({ name, namespace: 'default', labels: { 'app.kubernetes.io/name': name }, annotations: { note: 'x' } });

const podSpec = () => ({
  serviceAccountName: 'web',
  securityContext: { runAsNonRoot: true, fsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } },
  containers: [
    {
      name: 'web',
      image: 'nginx:1.27',
      imagePullPolicy: 'IfNotPresent',
      args: ['--port', '8080'],
      env: [
        { name: 'MODE', value: 'prod' },
        { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
      ],
      envFrom: [{ configMapRef: { name: 'web' } }],
      ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
      resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: 1, memory: 134217728 } },
      livenessProbe: { httpGet: { path: '/healthz', port: 'http' }, initialDelaySeconds: 5, periodSeconds: 10 },
      readinessProbe: { tcpSocket: { port: 8080 } },
      securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
      volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
    },
  ],
  volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '1Gi' } }],
});
const template = () => ({ metadata: { labels: { app: 'web' } }, spec: podSpec() });
const selector = { matchLabels: { app: 'web' } };

const deployment = (): Obj => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: meta('web'),
  spec: { replicas: 2, selector, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: '25%' } }, template: template() },
});
const service = (): Obj => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: meta('web'),
  spec: { type: 'ClusterIP', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'alt', port: 81, targetPort: 8081 }] },
});

const good: Obj[] = [
  deployment(),
  service(),
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { ...meta('web'), annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt' } },
    spec: {
      ingressClassName: 'nginx',
      tls: [{ hosts: ['web.example.com'], secretName: 'web-tls' }],
      rules: [{ host: 'web.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { name: 'http' } } } }] } }],
    },
  },
  {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: meta('web'),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 2,
      maxReplicas: 5,
      metrics: [
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
        { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '200Mi' } } },
      ],
      behavior: { scaleDown: { stabilizationWindowSeconds: 300, policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } },
    },
  },
  { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: meta('web'), spec: { maxUnavailable: '50%', selector } },
  { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: meta('web2'), spec: { minAvailable: 1, selector } },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('web'), data: { 'app.yaml': 'a: 1\n' } },
  { apiVersion: 'v1', kind: 'Secret', metadata: meta('web'), type: 'Opaque', stringData: { password: 'x' }, data: { token: 'eA==' } },
  { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('web'), automountServiceAccountToken: false },
  { apiVersion: 'v1', kind: 'Pod', metadata: { ...meta('web-test'), annotations: { 'helm.sh/hook': 'test' } }, spec: { ...podSpec(), restartPolicy: 'Never' } },
  {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: meta('db'),
    spec: {
      serviceName: 'db',
      replicas: 1,
      selector,
      template: template(),
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    },
  },
  { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: meta('agent'), spec: { selector, updateStrategy: { rollingUpdate: { maxUnavailable: 1 } }, template: template() } },
  {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: meta('migrate'),
    spec: { backoffLimit: 2, ttlSecondsAfterFinished: 60, template: { spec: { ...podSpec(), restartPolicy: 'OnFailure' } } },
  },
  {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: meta('nightly'),
    spec: { schedule: '0 3 * * *', concurrencyPolicy: 'Forbid', jobTemplate: { spec: { template: { spec: { ...podSpec(), restartPolicy: 'OnFailure' } } } } },
  },
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: meta('web'),
    spec: {
      podSelector: selector,
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'a' } } }], ports: [{ protocol: 'TCP', port: 'http' }, { port: 8080 }] }],
      egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }],
    },
  },
];

const crds: Obj[] = [
  {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: meta('web'),
    spec: { secretName: 'web-tls', dnsNames: ['web.example.com'], duration: '2160h', privateKey: { algorithm: 'ECDSA', size: 256 }, issuerRef: { name: 'le', kind: 'ClusterIssuer' } },
  },
  { apiVersion: 'cert-manager.io/v1', kind: 'Issuer', metadata: meta('self'), spec: { selfSigned: {} } },
  {
    apiVersion: 'cert-manager.io/v1',
    kind: 'ClusterIssuer',
    metadata: { name: 'le' },
    spec: {
      acme: {
        server: 'https://acme-v02.api.letsencrypt.org/directory',
        email: 'ops@example.com',
        privateKeySecretRef: { name: 'le-account' },
        solvers: [
          { http01: { ingress: { ingressClassName: 'nginx' } } },
          // webhook config is free-form JSON (x-kubernetes-preserve-unknown-fields): anything goes
          { dns01: { webhook: { groupName: 'acme.example.com', solverName: 'x', config: { anything: { goes: [1, 'two'] } } } } },
        ],
      },
    },
  },
  {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: meta('gw'),
    spec: { gatewayClassName: 'istio', listeners: [{ name: 'https', port: 443, protocol: 'HTTPS', hostname: 'web.example.com', tls: { mode: 'Terminate', certificateRefs: [{ name: 'web-tls' }] } }] },
  },
  {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: meta('web'),
    spec: {
      parentRefs: [{ name: 'gw', sectionName: 'https' }],
      hostnames: ['web.example.com'],
      rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'web', port: 80 }] }],
    },
  },
  {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: meta('web'),
    spec: {
      refreshInterval: '1h',
      secretStoreRef: { name: 'vault', kind: 'ClusterSecretStore' },
      target: { name: 'web', creationPolicy: 'Owner', template: { type: 'Opaque', data: { url: 'postgres://{{ .user }}' } } },
      data: [{ secretKey: 'user', remoteRef: { key: 'db', property: 'user' } }],
    },
  },
];

const problems = (obj: Obj, version: KubeVersion) => validateManifest(obj, version);

function fails(obj: Obj, version: KubeVersion, ...expected: string[]): void {
  const found = problems(obj, version);
  assert.ok(found.length > 0, `expected problems under ${version}, got none`);
  for (const text of expected) assert.ok(found.some((p) => p.includes(text)), `no problem mentions ${JSON.stringify(text)} under ${version}:\n${found.join('\n')}`);
}

const container = (obj: Obj) => obj.spec.template.spec.containers[0];

for (const version of VERSIONS) {
  test(`good built-in objects pass on ${version}`, () => {
    for (const obj of good) assert.equal(problems(obj, version), [], `${obj.kind}/${obj.metadata.name}`);
  });

  test(`good CRD objects pass on ${version}`, () => {
    for (const obj of crds) assert.equal(problems(obj, version), [], `${obj.kind}/${obj.metadata.name}`);
  });

  test(`unknown field inside a probe fails on ${version}`, () => {
    const obj = deployment();
    container(obj).livenessProbe.minReadySeconds = 5;
    assert.equal(problems(obj, version), ['Deployment/web: spec.template.spec.containers[0].livenessProbe.minReadySeconds: unknown field']);
  });

  test(`typo in a container field fails on ${version}`, () => {
    const obj = deployment();
    container(obj).imagePullPolicyy = 'Always';
    fails(obj, version, 'Deployment/web: spec.template.spec.containers[0].imagePullPolicyy: unknown field');
  });

  test(`unknown top-level and metadata fields fail on ${version}`, () => {
    const obj: Obj = { ...service(), sepc: {} };
    obj.metadata.label = { a: 'b' };
    fails(obj, version, 'Service/web: sepc: unknown field', 'Service/web: metadata.label: unknown field');
  });

  test(`wrong types fail on ${version}`, () => {
    const obj = deployment();
    obj.spec.replicas = 'two';
    container(obj).env[0].value = 3; // env values must be strings
    obj.metadata.labels['app.kubernetes.io/version'] = 1.2;
    container(obj).resources.limits.memory = '64 MB'; // not a quantity
    fails(
      obj,
      version,
      'Deployment/web: spec.replicas: expected number, got string',
      'spec.template.spec.containers[0].env[0].value: expected string, got number',
      'metadata.labels["app.kubernetes.io/version"]: expected string, got number',
      'spec.template.spec.containers[0].resources.limits.memory: must match format "quantity"',
    );
  });

  test(`wrong shapes fail on ${version}`, () => {
    const obj = deployment();
    obj.spec.template.spec.containers = { name: 'web', image: 'nginx' };
    obj.spec.strategy.rollingUpdate.maxUnavailable = true;
    fails(obj, version, 'spec.template.spec.containers: expected array, got object', 'spec.strategy.rollingUpdate.maxUnavailable: expected IntOrString, got boolean');
  });

  test(`missing required field fails on ${version}`, () => {
    const obj = deployment();
    delete container(obj).name;
    assert.equal(problems(obj, version), ['Deployment/web: spec.template.spec.containers[0].name: required field missing']);
  });

  test(`removed API versions fail on ${version}`, () => {
    const removed = [
      ['policy/v1beta1', 'PodDisruptionBudget'],
      ['batch/v1beta1', 'CronJob'],
      ['extensions/v1beta1', 'Ingress'],
      ['networking.k8s.io/v1beta1', 'Ingress'],
      ['autoscaling/v2beta2', 'HorizontalPodAutoscaler'],
    ];
    for (const [apiVersion, kind] of removed) {
      fails({ apiVersion, kind, metadata: { name: 'x' }, spec: {} }, version, `${kind}/x: unknown apiVersion/kind ${apiVersion} ${kind}: not served by Kubernetes ${version}`);
    }
    // a nested type is not a resource, and a kind belongs to its own group only
    fails({ apiVersion: 'apps/v1', kind: 'DeploymentSpec', metadata: { name: 'x' } }, version, 'unknown apiVersion/kind');
    fails({ apiVersion: 'apps/v1', kind: 'Ingress', metadata: { name: 'x' } }, version, 'unknown apiVersion/kind');
  });

  test(`unknown kinds fail on ${version}`, () => {
    fails({ apiVersion: 'kyverno.io/v1', kind: 'ClusterPolicy', metadata: { name: 'web' }, spec: {} }, version, 'ClusterPolicy/web: unknown apiVersion/kind kyverno.io/v1 ClusterPolicy');
    fails({ apiVersion: 'cert-manager.io/v1', kind: 'Certificat', metadata: { name: 'web' } }, version, 'unknown apiVersion/kind');
    fails({ apiVersion: 'v1', kind: 'Widget', metadata: { name: 'w' } }, version, 'Widget/w: unknown apiVersion/kind v1 Widget');
    for (const apiVersion of ['apps/v1/extra', 'constructor/v1', '../v1']) fails({ apiVersion, kind: 'Deployment', metadata: { name: 'd' } }, version, 'unknown apiVersion/kind');
    assert.equal(problems({ kind: 'ConfigMap', metadata: { name: 'c' } }, version), ['ConfigMap/c: apiVersion and kind must be strings']);
  });

  test(`typos in CRD specs fail on ${version}`, () => {
    const cert = structuredClone(crds[0]!);
    cert.spec.secretNam = 'web-tls';
    cert.spec.issuerRef.knd = 'Issuer';
    fails(cert, version, 'Certificate/web: spec.secretNam: unknown field', 'Certificate/web: spec.issuerRef.knd: unknown field');
    const route = structuredClone(crds[4]!);
    route.spec.rules[0].backendRefs[0].prot = 80;
    route.metadata.labelz = {};
    fails(route, version, 'HTTPRoute/web: spec.rules[0].backendRefs[0].prot: unknown field', 'HTTPRoute/web: metadata.labelz: unknown field');
    const es = structuredClone(crds[5]!);
    es.spec.data[0].remoteRef.propery = 'user';
    fails(es, version, 'ExternalSecret/web: spec.data[0].remoteRef.propery: unknown field');
  });

  test(`wrong types and missing fields in CRDs fail on ${version}`, () => {
    const cert = structuredClone(crds[0]!);
    cert.spec.dnsNames = 'web.example.com';
    delete cert.spec.issuerRef.name;
    fails(cert, version, 'Certificate/web: spec.dnsNames: expected array, got string', 'Certificate/web: spec.issuerRef.name: required field missing');
  });
}

test('a field added after 1.28 fails on 1.28 only', () => {
  const obj = service();
  obj.spec.trafficDistribution = 'PreferClose';
  assert.equal(problems(obj, '1.28'), ['Service/web: spec.trafficDistribution: unknown field']);
  assert.equal(problems(obj, '1.35'), []);
});

test('validating a rendered chart worth of objects is fast once loaded', () => {
  const objects = [...good, ...crds, ...good.slice(0, 9)]; // 30 objects
  for (const version of VERSIONS) {
    const started = performance.now();
    for (const obj of objects) validateManifest(obj, version);
    const ms = performance.now() - started;
    // generous bound: the point is that models are loaded once, not per object (~1-2 ms here)
    assert.ok(ms < 250, `${objects.length} objects took ${ms.toFixed(1)} ms on ${version}`);
  }
});

test.run();
