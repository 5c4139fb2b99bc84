// The chart's Secret never rotates a value on upgrade: a value given in secrets.values wins,
// otherwise the value already in the cluster is read back with `lookup`, otherwise a random one
// is generated. Proved with real Helm 3 and Helm 4 against a local stand-in for the API server
// (test/support/fake-apiserver.ts), since no cluster can run here.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { helms, helmTemplate, runHelmWithKubeconfig } from './support/helm.ts';
import { startFakeApiServer } from './support/fake-apiserver.ts';
import type { FakeApiServer, FakeSecret } from './support/fake-apiserver.ts';
import { freshChart } from './support/fresh-charts.ts';

const chart = freshChart('shop-api');
const release = 'shop';
const namespace = 'default';
const secretName = 'shop-shop-api';

// The Secret as an earlier `helm install shop` left it: generated values, and Helm's ownership
// metadata (Helm 4's template and both versions' install refuse to adopt an object without it).
const existing: FakeSecret = {
  namespace,
  name: secretName,
  labels: { 'app.kubernetes.io/managed-by': 'Helm' },
  annotations: { 'meta.helm.sh/release-name': release, 'meta.helm.sh/release-namespace': namespace },
  data: { DATABASE_PASSWORD: 'kept-value', API_TOKEN: 'kept-token' },
};

const b64 = (text: string) => Buffer.from(text).toString('base64');
const decode = (data: Record<string, string>) =>
  Object.fromEntries(Object.entries(data).map(([key, value]) => [key, Buffer.from(value, 'base64').toString()]));

let server: FakeApiServer;
let dir: string;
let kubeconfig: string;

test.before(async () => {
  server = await startFakeApiServer();
  dir = mkdtempSync(join(tmpdir(), 'k8s-chart-lookup-'));
  kubeconfig = server.writeKubeconfig(join(dir, 'kubeconfig'));
});

test.after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Sets what the stand-in holds and forgets the requests seen so far. */
function serve(secrets: FakeSecret[]) {
  server.secrets.clear();
  for (const secret of secrets) server.secrets.set(`${secret.namespace}/${secret.name}`, secret);
  server.requests.length = 0;
  server.unknown.length = 0;
}

function secretOf(stdout: string) {
  const secrets = loadAll(stdout).filter((doc: any) => doc?.kind === 'Secret') as any[];
  assert.is(secrets.length, 1, 'one Secret rendered');
  assert.is(secrets[0].metadata.name, secretName);
  return secrets[0];
}

/** `helm template --dry-run=server` against the stand-in: the Secret it renders. */
async function renderAgainstCluster(bin: string, set: string[] = []) {
  // The stand-in serves no Prometheus Operator CRDs, which shop-api's ServiceMonitor needs.
  const args = ['template', release, chart, '--namespace', namespace, '--dry-run=server', ...[...set, 'metrics.enabled=false'].flatMap((s) => ['--set', s])];
  const res = await runHelmWithKubeconfig(bin, args, kubeconfig);
  assert.ok(res.ok, res.output);
  assert.equal(server.unknown, [], 'the stand-in knew every request');
  // The lookup's GET (Helm 4 also GETs every rendered object to check it may own it).
  assert.ok(
    server.requests.includes(`GET /api/v1/namespaces/${namespace}/secrets/${secretName}`),
    `Helm asked the stand-in for the Secret: ${server.requests.join(', ')}`,
  );
  return secretOf(res.stdout);
}

function assertGenerated(value: string) {
  assert.match(value, /^[A-Za-z0-9]{32}$/, `a fresh 32-character value, got ${JSON.stringify(value)}`);
}

for (const helm of await helms()) {
  test(`${helm.version}: an upgrade keeps the values already in the cluster`, async () => {
    serve([existing]);
    const secret = await renderAgainstCluster(helm.bin);
    assert.equal(secret.data, { DATABASE_PASSWORD: b64('kept-value'), API_TOKEN: b64('kept-token') });
  });

  test(`${helm.version}: a value given in secrets.values wins, the other key is still read back`, async () => {
    serve([existing]);
    const secret = await renderAgainstCluster(helm.bin, ['secrets.values.API_TOKEN=new']);
    assert.equal(secret.data, { DATABASE_PASSWORD: b64('kept-value'), API_TOKEN: b64('new') });
  });

  test(`${helm.version}: with no Secret in the cluster the values are generated, anew on every render`, async () => {
    serve([]);
    const first = decode((await renderAgainstCluster(helm.bin)).data);
    const second = decode((await renderAgainstCluster(helm.bin)).data);
    assert.equal(Object.keys(first), ['DATABASE_PASSWORD', 'API_TOKEN']);
    for (const value of [...Object.values(first), ...Object.values(second)]) assertGenerated(value);
    assert.is.not(first.DATABASE_PASSWORD, first.API_TOKEN);
    assert.is.not(first.DATABASE_PASSWORD, second.DATABASE_PASSWORD);
    assert.is.not(first.API_TOKEN, second.API_TOKEN);
  });

  test(`${helm.version}: plain helm template looks up nothing and generates (the GitOps caveat)`, async () => {
    // No cluster at all, as a GitOps tool renders: lookup returns nothing.
    const renders = [0, 1].map(() => {
      const res = helmTemplate(helm.bin, chart, { releaseName: release, namespace });
      assert.ok(res.ok, res.output);
      return decode(res.docs.find((doc) => doc.kind === 'Secret').data);
    });
    for (const render of renders) Object.values(render).forEach(assertGenerated);
    assert.is.not(renders[0].DATABASE_PASSWORD, renders[1].DATABASE_PASSWORD);
    // Even with a reachable cluster that holds the Secret, plain `helm template` never asks it.
    serve([existing]);
    const res = await runHelmWithKubeconfig(helm.bin, ['template', release, chart, '--namespace', namespace], kubeconfig);
    assert.ok(res.ok, res.output);
    assert.equal(server.requests, [], 'no request reached the stand-in');
    Object.values(decode(secretOf(res.stdout).data)).forEach(assertGenerated);
  });
}

test.run();
