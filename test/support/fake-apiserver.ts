// A tiny local stand-in for the Kubernetes API server, for one behaviour only: what Helm needs to
// run a chart's `lookup "v1" "Secret" <namespace> <name>` under `helm template --dry-run=server`.
// It is not a cluster: it answers GETs of the version endpoint, discovery for the kinds the example
// charts render, an empty OpenAPI document, and single objects (the Secrets it was given; 404 with
// a Status object for any other). Anything else is answered 404 and recorded in `unknown`, so a
// test can show that Helm asked for nothing more. Plain http on 127.0.0.1, port 0 (the OS picks a
// free one); the kubeconfig it writes carries a dummy token that is never checked.
//
// What each Helm asks for (shop-api, two secret keys):
// - Helm 3 `template --dry-run=server` stays client-only and uses the cluster for lookup alone:
//   GET /api/v1 and GET .../secrets/<name>, once per lookup call.
// - Helm 4 `template --dry-run=server`, and `install --dry-run=server` on both, also check the
//   cluster: /version, /api, /apis and every group's discovery, the lookups, /openapi/v3 (404 here)
//   then /openapi/v2 to validate the objects, and a GET of every rendered object to see whether it
//   exists and, if so, carries the release's ownership metadata.
import { createServer } from 'node:http';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

export interface FakeSecret {
  namespace: string;
  name: string;
  /** plain-text values; served base64-encoded in `data`, as the API server does */
  data: Record<string, string>;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface FakeApiServer {
  /** e.g. http://127.0.0.1:41591 */
  url: string;
  /** every request as "GET /path" (query dropped), in order */
  requests: string[];
  /** the requests the stand-in does not know, answered 404 */
  unknown: string[];
  /** the Secrets served, keyed "namespace/name"; may change between renders */
  secrets: Map<string, FakeSecret>;
  /** writes a kubeconfig whose current context points at the stand-in; returns `path` */
  writeKubeconfig(path: string): string;
  close(): Promise<void>;
}

const VERSION = { major: '1', minor: '33', gitVersion: 'v1.33.0', platform: 'linux/amd64' };

// Discovery: group/version -> [resource, kind, namespaced]. Helm 4 (and Helm 3 on install) maps
// every rendered object to a resource before it prints anything, so every kind a chart renders
// must be here; the lookup itself needs only "v1" secrets.
const RESOURCES: Record<string, [string, string, boolean][]> = {
  v1: [
    ['configmaps', 'ConfigMap', true],
    ['limitranges', 'LimitRange', true],
    ['namespaces', 'Namespace', false],
    ['pods', 'Pod', true],
    ['resourcequotas', 'ResourceQuota', true],
    ['secrets', 'Secret', true],
    ['serviceaccounts', 'ServiceAccount', true],
    ['services', 'Service', true],
  ],
  'apps/v1': [
    ['daemonsets', 'DaemonSet', true],
    ['deployments', 'Deployment', true],
    ['statefulsets', 'StatefulSet', true],
  ],
  'autoscaling/v2': [['horizontalpodautoscalers', 'HorizontalPodAutoscaler', true]],
  'batch/v1': [
    ['cronjobs', 'CronJob', true],
    ['jobs', 'Job', true],
  ],
  'networking.k8s.io/v1': [
    ['ingresses', 'Ingress', true],
    ['networkpolicies', 'NetworkPolicy', true],
  ],
  'policy/v1': [['poddisruptionbudgets', 'PodDisruptionBudget', true]],
};

function resourceList(groupVersion: string) {
  const resources = RESOURCES[groupVersion].map(([name, kind, namespaced]) => ({
    name,
    singularName: kind.toLowerCase(),
    namespaced,
    kind,
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  }));
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources };
}

function groupList() {
  const groups = Object.keys(RESOURCES)
    .filter((groupVersion) => groupVersion.includes('/'))
    .map((groupVersion) => {
      const [name, version] = groupVersion.split('/');
      const preferredVersion = { groupVersion, version };
      return { name, versions: [preferredVersion], preferredVersion };
    });
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

function notFound(message: string, details?: object) {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'NotFound', details, code: 404 };
}

function secretObject({ namespace, name, labels, annotations, data }: FakeSecret) {
  const encoded = Object.entries(data).map(([key, value]) => [key, Buffer.from(value).toString('base64')]);
  const metadata = { name, namespace, labels, annotations };
  return { kind: 'Secret', apiVersion: 'v1', metadata, type: 'Opaque', data: Object.fromEntries(encoded) };
}

export async function startFakeApiServer(secrets: FakeSecret[] = []): Promise<FakeApiServer> {
  const requests: string[] = [];
  const unknown: string[] = [];
  const secretMap = new Map(secrets.map((secret) => [`${secret.namespace}/${secret.name}`, secret]));

  /** [status code, JSON body] */
  function answer(method: string, path: string): [number, object] {
    if (method === 'GET') {
      if (path === '/version') return [200, VERSION];
      if (path === '/api') return [200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] }];
      if (path === '/apis') return [200, groupList()];
      const groupVersion = path.replace(/^\/apis?\//, '');
      if (RESOURCES[groupVersion]) return [200, resourceList(groupVersion)];
      // GET of one object: a Secret given to the stand-in, or else a NotFound Status.
      const object = /^\/apis?\/(.+)\/namespaces\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(path);
      if (object && RESOURCES[object[1]]?.some(([resource]) => resource === object[3])) {
        const [, groupVersion, namespace, resource, name] = object;
        const secret = groupVersion === 'v1' && resource === 'secrets' && secretMap.get(`${namespace}/${name}`);
        if (secret) return [200, secretObject(secret)];
        return [404, notFound(`${resource} "${name}" not found`, { name, kind: resource })];
      }
      // No OpenAPI v3: Helm then falls back to the v2 document below.
      if (path === '/openapi/v3') return [404, notFound('the server could not find the requested resource')];
    }
    unknown.push(`${method} ${path}`);
    return [404, notFound('the server could not find the requested resource')];
  }

  const server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
    requests.push(`${method} ${path}`);
    if (method === 'GET' && path === '/openapi/v2') {
      // Schema validation of the rendered objects downloads this. An empty protobuf message is a
      // valid empty OpenAPI document: no schemas, so no object is validated against one.
      res.writeHead(200, { 'content-type': 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf' });
      res.end();
      return;
    }
    const [code, body] = answer(method, path);
    res.writeHead(code, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    requests,
    unknown,
    secrets: secretMap,
    writeKubeconfig(path) {
      const kubeconfig = {
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'stand-in', cluster: { server: url, 'insecure-skip-tls-verify': true } }],
        users: [{ name: 'stand-in', user: { token: 'dummy-token' } }],
        contexts: [{ name: 'stand-in', context: { cluster: 'stand-in', user: 'stand-in' } }],
        'current-context': 'stand-in',
      };
      // JSON is YAML; 0600 because Helm warns about a group- or world-readable kubeconfig.
      writeFileSync(path, JSON.stringify(kubeconfig, null, 2), { mode: 0o600 });
      return path;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections(); // Helm's idle keep-alive connections would hold close() open
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
