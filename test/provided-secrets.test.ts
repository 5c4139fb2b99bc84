// Secret keys the user provides (secrets.provided: an external system's credential such as a
// Stripe key): never generated. The chart refuses to render without the value, naming
// secrets.values.KEY; an upgrade is satisfied by the value already in the cluster's Secret
// (lookup). Generated stays the default for the other keys. Real Helm 3 and 4, and the local
// stand-in for the API server (test/support/fake-apiserver.ts) for the cluster's Secret.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load, loadAll } from 'js-yaml';
import { helms, helmLint, helmTemplate, runHelmWithKubeconfig } from './support/helm.ts';
import { startFakeApiServer, type FakeApiServer, type FakeSecret } from './support/fake-apiserver.ts';
import { binPath, examplesDir } from './support/paths.ts';
import { formatProblems, validateAnswers } from '../src/answers/validate.ts';

const release = 'shop';
const namespace = 'default';
const secretName = 'shop-shop-api';
const b64 = (text: string) => Buffer.from(text).toString('base64');
const REQUIRED = 'secrets.values.STRIPE_KEY is required: you provide STRIPE_KEY (it is never generated)';

let server: FakeApiServer;
let dir: string;
let kubeconfig: string;
let chart: string;
/** The stand-in API server serves no Prometheus Operator CRDs, which shop-api's ServiceMonitor needs. */
const noCrds = ['--set', 'metrics.enabled=false'];

test.before(async () => {
  server = await startFakeApiServer();
  dir = mkdtempSync(join(tmpdir(), 'k8s-chart-provided-'));
  kubeconfig = server.writeKubeconfig(join(dir, 'kubeconfig'));
  // shop-api, with one more key that the user provides.
  const answers = readFileSync(join(examplesDir, 'shop-api.yaml'), 'utf8').replace(
    'keys: [DATABASE_PASSWORD, API_TOKEN]',
    'keys: [DATABASE_PASSWORD, API_TOKEN, STRIPE_KEY]\n  provided: [STRIPE_KEY]',
  );
  assert.match(answers, 'provided: [STRIPE_KEY]');
  writeFileSync(join(dir, 'answers.yaml'), answers);
  const run = spawnSync(process.execPath, [binPath, '--answers', join(dir, 'answers.yaml'), '--output', dir], { encoding: 'utf8' });
  assert.is(run.status, 0, run.stderr);
  chart = join(dir, 'shop-api');
});

test.after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function serve(secrets: FakeSecret[]) {
  server.secrets.clear();
  for (const secret of secrets) server.secrets.set(`${secret.namespace}/${secret.name}`, secret);
  server.requests.length = 0;
}

const secretIn = (stdout: string) => (loadAll(stdout) as any[]).find((doc) => doc?.kind === 'Secret');

test('values.yaml lists the provided key', () => {
  const values = load(readFileSync(join(chart, 'values.yaml'), 'utf8')) as any;
  assert.equal(values.secrets.provided, ['STRIPE_KEY']);
  assert.equal(values.secrets.keys, ['DATABASE_PASSWORD', 'API_TOKEN', 'STRIPE_KEY']);
});

test('a provided key must be one of secrets.keys', () => {
  const result = validateAnswers({ name: 'a', image: { repository: 'x/y', tag: '1' }, service: { port: 80 }, secrets: { keys: ['A'], provided: ['B'] } });
  assert.not.ok(result.ok);
  if (!result.ok) assert.is(formatProblems(result.problems), 'secrets.provided: "B" is not one of secrets.keys: list it there too');
});

for (const helm of await helms()) {
  test(`${helm.version}: without the value and without a cluster, rendering fails naming secrets.values.STRIPE_KEY`, () => {
    const res = helmTemplate(helm.bin, chart, { releaseName: release, namespace });
    assert.not.ok(res.ok, 'it must not render');
    assert.match(res.output, REQUIRED);
  });

  test(`${helm.version}: a fresh install (no Secret in the cluster) without the value fails the same way`, async () => {
    serve([]);
    const res = await runHelmWithKubeconfig(helm.bin, ['template', release, chart, '--namespace', namespace, '--dry-run=server', ...noCrds], kubeconfig);
    assert.not.ok(res.ok, res.output);
    assert.match(res.output, REQUIRED);
  });

  test(`${helm.version}: with the value given, it is used; the other keys are generated`, () => {
    const res = helmTemplate(helm.bin, chart, { releaseName: release, namespace, set: ['secrets.values.STRIPE_KEY=sk_live_1'] });
    assert.ok(res.ok, res.output);
    const data = res.docs.find((doc) => doc.kind === 'Secret').data;
    assert.is(data.STRIPE_KEY, b64('sk_live_1'));
    assert.match(Buffer.from(data.DATABASE_PASSWORD, 'base64').toString(), /^[A-Za-z0-9]{32}$/);
  });

  test(`${helm.version}: an upgrade without the value keeps the one in the cluster's Secret`, async () => {
    serve([
      {
        namespace,
        name: secretName,
        labels: { 'app.kubernetes.io/managed-by': 'Helm' },
        annotations: { 'meta.helm.sh/release-name': release, 'meta.helm.sh/release-namespace': namespace },
        data: { DATABASE_PASSWORD: 'kept', API_TOKEN: 'kept-token', STRIPE_KEY: 'sk_live_kept' },
      },
    ]);
    const res = await runHelmWithKubeconfig(helm.bin, ['template', release, chart, '--namespace', namespace, '--dry-run=server', ...noCrds], kubeconfig);
    assert.ok(res.ok, res.output);
    assert.is(secretIn(res.stdout).data.STRIPE_KEY, b64('sk_live_kept'));
  });

  test(`${helm.version}: lint --strict with each ci/ file (they carry a placeholder for the provided key)`, () => {
    for (const file of ['all-off-values.yaml', 'extras-values.yaml', 'restricted-values.yaml']) {
      const lint = helmLint(helm.bin, chart, { valuesFiles: [join(chart, 'ci', file)] });
      assert.ok(lint.ok, `${file}: ${lint.output}`);
    }
  });
}

test.run();
