// What the answers and the values say reaches the API server as data: as the same strings, read
// as Helm and kubectl read YAML (go-yaml v2, YAML 1.1), never as booleans, numbers, other keys,
// more documents or Helm template code. Or the answers validation refuses it, naming the field.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { helms, helmLint, helmTemplate, runHelm } from './support/helm.ts';
import { loadAsHelm } from './support/yaml11.ts';
import { generate } from '../src/generate.ts';
import { applyChanges } from '../src/write.ts';
import { formatProblems } from '../src/answers/validate.ts';
import { validateManifest } from './support/k8s-schema.ts';

const binaries = await helms();

type Json = Record<string, any>;

/** Writes the chart of these answers to a fresh folder; returns its path, or the problems. */
function writeChart(answers: Json): { dir: string } | { problems: Array<{ path: string; message: string }> } {
  const generation = generate(answers);
  if (!generation.ok) return { problems: generation.problems };
  const dir = join(mkdtempSync(join(tmpdir(), 'k8s-chart-data-')), answers.name);
  applyChanges(dir, generation.files);
  return { dir };
}

function chartDir(answers: Json): string {
  const written = writeChart(answers);
  if ('problems' in written) throw new Error(formatProblems(written.problems as never));
  return written.dir;
}

// Keys and values that YAML 1.1 reads as something else when unquoted.
const TRICKY = ['1.10', '0x1F', 'on', 'ON', '010', 'y', 'Y', 'n', 'no', 'off', 'yes', 'null', '~', '1e3', '1_000', '0o17', '0b101', '.inf', '2001-12-14', 'true'];
const CONFIG_KEYS = TRICKY.filter((key) => /^[-._a-zA-Z0-9]+$/.test(key));
const SECRET_KEYS = ['ON', 'Y', 'n', 'no', 'off', 'yes', 'null', 'true'];

test('YAML 1.1: config keys, values, secret keys and env names reach the API as the strings given', () => {
  const data = Object.fromEntries(CONFIG_KEYS.map((key, i) => [key, TRICKY[(i + 1) % TRICKY.length]!]));
  const dir = chartDir({
    name: 'tricky',
    image: { repository: 'ghcr.io/acme/tricky', tag: '1.0.0' },
    service: { port: 8080, annotations: { 'example.com/flag': 'on', 'example.com/n': '010' } },
    config: { data },
    secrets: { keys: SECRET_KEYS, externalSecret: { storeName: 'vault', remoteKey: 'on' } },
  });
  // values.yaml as Helm reads it: the keys and values stay.
  const values = loadAsHelm(readFileSync(join(dir, 'values.yaml'), 'utf8'));
  assert.equal(values.config.data, data);
  assert.equal(values.secrets.keys, SECRET_KEYS);
  assert.equal(values.service.annotations, { 'example.com/flag': 'on', 'example.com/n': '010' });
  for (const helm of binaries) {
    for (const set of [[], ['secrets.externalSecret.enabled=false'], ['config.mountPath=/etc/app', 'secrets.mountPath=/etc/secrets']]) {
      const rendered = helmTemplate(helm.bin, dir, { set });
      assert.ok(rendered.ok, rendered.output);
      const find = (kind: string) => rendered.docs.find((doc) => doc.kind === kind);
      assert.equal(find('ConfigMap').data, data, `${helm.version}: ConfigMap data`);
      assert.equal(find('Service').metadata.annotations, { 'example.com/flag': 'on', 'example.com/n': '010' });
      const container = find('Deployment').spec.template.spec.containers[0];
      if (set.length === 0) {
        const external = find('ExternalSecret');
        assert.equal(external.spec.data.map((entry: Json) => [entry.secretKey, entry.remoteRef.key, entry.remoteRef.property]), SECRET_KEYS.map((key) => [key, 'on', key]));
      }
      if (set[0] === 'secrets.externalSecret.enabled=false') {
        assert.equal(Object.keys(find('Secret').data), SECRET_KEYS, `${helm.version}: Secret keys`);
      }
      if (set.length < 2) {
        assert.equal(container.env.map((env: Json) => [env.name, env.valueFrom.secretKeyRef.key]), SECRET_KEYS.map((key) => [key, key]));
      }
    }
  }
});

test('YAML 1.1: values set at install time that look like other types stay strings', () => {
  const dir = chartDir({
    name: 'tricky',
    image: { repository: 'ghcr.io/acme/tricky', tag: '1.0.0' },
    service: { port: 8080 },
    persistence: { size: '1Gi' },
    secrets: { keys: ['A'] },
  });
  for (const helm of binaries) {
    const rendered = helmTemplate(helm.bin, dir, {
      set: ['persistence.storageClass=on', 'priorityClassName=y', 'secrets.existingSecret=no', 'serviceAccount.name=off'],
    });
    assert.ok(rendered.ok, rendered.output);
    const find = (kind: string) => rendered.docs.find((doc) => doc.kind === kind);
    const pod = find('Deployment').spec.template.spec;
    assert.is(find('PersistentVolumeClaim').spec.storageClassName, 'on');
    assert.is(pod.priorityClassName, 'y');
    assert.is(pod.serviceAccountName, 'off');
    assert.is(pod.containers[0].env[0].valueFrom.secretKeyRef.name, 'no');
  }
});

test('YAML 1.1: a chart named yes, released as on in namespace no, renders objects the API accepts', () => {
  const dir = chartDir({
    name: 'yes',
    image: { repository: 'ghcr.io/acme/yes', tag: '1.0.0' },
    service: { port: 8080 },
    ingress: { enabled: true, host: 'yes.example.com', tls: { enabled: true } },
    acmeIssuer: { email: 'ops@example.com', kind: 'ClusterIssuer' },
    rbac: { rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }], clusterWide: true },
    secrets: { keys: ['TOKEN'] },
  });
  const chart = loadAsHelm(readFileSync(join(dir, 'Chart.yaml'), 'utf8'));
  assert.is(chart.name, 'yes');
  for (const helm of binaries) {
    for (const release of ['on', 'yes']) {
      const rendered = helmTemplate(helm.bin, dir, { releaseName: release, namespace: 'no' });
      assert.ok(rendered.ok, rendered.output);
      const problems = rendered.docs.flatMap((doc) => validateManifest(doc, '1.35'));
      assert.equal(problems, [], `${helm.version} release ${release}:\n${problems.join('\n')}`);
      for (const doc of rendered.docs) {
        assert.is(typeof doc.metadata.name, 'string', `${doc.kind} name`);
        assert.is(doc.metadata.labels['app.kubernetes.io/instance'], release, `${doc.kind} instance label`);
      }
      const policy = rendered.docs.find((doc) => doc.kind === 'NetworkPolicy');
      assert.is(policy.spec.ingress[0].from[1].podSelector.matchLabels['app.kubernetes.io/instance'], release);
      assert.is(rendered.docs.find((doc) => doc.kind === 'ClusterRoleBinding').subjects[0].namespace, 'no');
    }
  }
});

// Strings that break YAML, Markdown or Helm templates when pasted unquoted.
const PAYLOADS = [
  'line one\nline two',
  'x\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding',
  'x # not a comment',
  'key: value',
  '{{ .Release.Name }}',
  '{{- fail "boom" }}',
  '*alias',
  '&anchor x',
  '!!binary x',
  '@at',
  '"double"',
  "'single'",
  'back\\slash \\n',
  '%percent',
  '`tick` | pipe',
  '- dash',
  '? question',
  ' leading and trailing ',
  '[flow, list]',
  '{flow: map}',
];

/** Every free-text answer, set to a payload, and where its value is in the rendered objects. */
const FIELDS: Array<{ path: string; set: (answers: Json, value: string) => void; rendered: (docs: any[], chart: Json) => unknown }> = [
  { path: 'description', set: (a, v) => (a.description = v), rendered: (_, chart) => chart.description },
  { path: 'appVersion', set: (a, v) => (a.appVersion = v), rendered: (_, chart) => chart.appVersion },
  {
    path: 'secrets.externalSecret.remoteKey',
    set: (a, v) => (a.secrets.externalSecret.remoteKey = v),
    rendered: (docs) => docs.find((d) => d.kind === 'ExternalSecret').spec.data[0].remoteRef.key,
  },
  { path: 'config.data.VALUE', set: (a, v) => (a.config.data.VALUE = v), rendered: (docs) => docs.find((d) => d.kind === 'ConfigMap').data.VALUE },
  {
    path: 'service.annotations.example.com/a',
    set: (a, v) => (a.service.annotations['example.com/a'] = v),
    rendered: (docs) => docs.find((d) => d.kind === 'Service').metadata.annotations['example.com/a'],
  },
  {
    path: 'ingress.annotations.example.com/b',
    set: (a, v) => (a.ingress.annotations['example.com/b'] = v),
    rendered: (docs) => docs.find((d) => d.kind === 'Ingress').metadata.annotations['example.com/b'],
  },
  { path: 'workload.command[0]', set: (a, v) => (a.workload.command = [v]), rendered: (docs) => pod(docs).containers[0].command[0] },
  { path: 'workload.args[0]', set: (a, v) => (a.workload.args = [v]), rendered: (docs) => pod(docs).containers[0].args[0] },
  {
    path: 'probes.liveness.command[0]',
    set: (a, v) => (a.probes.liveness.command = [v]),
    rendered: (docs) => pod(docs).containers[0].livenessProbe.exec.command[0],
  },
  { path: 'probes.readiness.service', set: (a, v) => (a.probes.readiness.service = v), rendered: (docs) => pod(docs).containers[0].readinessProbe.grpc.service },
  { path: 'acmeIssuer.email', set: (a, v) => (a.acmeIssuer.email = `ops${v}@example.com`), rendered: (docs) => docs.find((d) => d.kind === 'Issuer').spec.acme.email },
  { path: 'acmeIssuer.server', set: (a, v) => (a.acmeIssuer.server = `https://acme.example.com/${v}`), rendered: (docs) => docs.find((d) => d.kind === 'Issuer').spec.acme.server },
  {
    path: 'persistence.mountPath',
    set: (a, v) => (a.persistence.mountPath = `/data/${v}`),
    rendered: (docs) => pod(docs).containers[0].volumeMounts.find((m: Json) => m.name === 'data').mountPath,
  },
  {
    path: 'ingress.path',
    set: (a, v) => (a.ingress.path = `/${v}`),
    rendered: (docs) => docs.find((d) => d.kind === 'Ingress').spec.rules[0].http.paths[0].path,
  },
];

const pod = (docs: any[]) => docs.find((d) => d.kind === 'Deployment').spec.template.spec;

function baseAnswers(): Json {
  return {
    name: 'payload',
    description: 'Payload',
    appVersion: '1.0.0',
    image: { repository: 'ghcr.io/acme/payload', tag: '1.0.0' },
    workload: { command: ['/app'], args: ['--serve'] },
    service: { port: 8080, annotations: { 'example.com/a': 'a' } },
    ingress: { enabled: true, host: 'payload.example.com', path: '/', annotations: { 'example.com/b': 'b' }, tls: { enabled: true } },
    acmeIssuer: { email: 'ops@example.com', server: 'https://acme.example.com/directory' },
    config: { data: { VALUE: 'v' } },
    secrets: { keys: ['TOKEN'], externalSecret: { storeName: 'vault', remoteKey: 'app' } },
    persistence: { size: '1Gi', mountPath: '/data' },
    probes: { liveness: { type: 'exec', command: ['/check'] }, readiness: { type: 'grpc', service: 'health' } },
  };
}

/** The value a field was given (the field's setter may wrap the payload). */
function given(field: (typeof FIELDS)[number], payload: string): string {
  const answers = baseAnswers();
  field.set(answers, payload);
  if (field.path.includes('annotations')) return field.path.startsWith('service') ? answers.service.annotations['example.com/a'] : answers.ingress.annotations['example.com/b'];
  return field.path.split(/[.[\]]+/).filter(Boolean).reduce<any>((node, key) => node?.[key], answers);
}

for (const payload of PAYLOADS) {
  test(`a free-text answer ${JSON.stringify(payload)} comes out as the same string, or is refused by name`, () => {
    const answers = baseAnswers();
    for (const field of FIELDS) field.set(answers, payload);
    const written = writeChart(answers);
    const refused = new Set<string>();
    if ('problems' in written) {
      for (const problem of written.problems) {
        const field = FIELDS.find((f) => [f.path, `${f.path}.`, `${f.path}[`].some((p) => p === problem.path || f.path.startsWith(`${problem.path}.`) || f.path.startsWith(`${problem.path}[`)));
        assert.ok(field, `a problem names no payload field: ${problem.path}: ${problem.message}`);
        refused.add(field!.path);
      }
    }
    // Every refused field back to its plain value; the rest keep the payload.
    const accepted = baseAnswers();
    for (const field of FIELDS) if (!refused.has(field.path)) field.set(accepted, payload);
    const dir = chartDir(accepted);
    for (const helm of binaries) {
      const lint = helmLint(helm.bin, dir);
      assert.ok(lint.ok, `${helm.version}: ${lint.output}`);
      const rendered = helmTemplate(helm.bin, dir);
      assert.ok(rendered.ok, `${helm.version}: ${rendered.output}`);
      const kinds = rendered.docs.map((doc) => doc.kind).sort();
      assert.not.ok(kinds.includes('ClusterRoleBinding'), 'no document added');
      const chart = loadAsHelm(runHelm(helm.bin, ['show', 'chart', dir]).stdout);
      for (const field of FIELDS) {
        if (refused.has(field.path)) continue;
        assert.is(field.rendered(rendered.docs, chart), given(field, payload), `${helm.version}: ${field.path}`);
      }
    }
    // The chart's plain text files quote it too: the README's first paragraph is one line.
    const readme = readFileSync(join(dir, 'README.md'), 'utf8').split('\n');
    assert.is(readme[0], '# payload');
    assert.is(readme[1], '');
    assert.is(readme[3], '', 'the description stays one paragraph');
  });
}

/** Fields of other shapes of chart: a CronJob's schedule, a worker's liveness command, an HTTP probe path, a host. */
const OTHER_SHAPES: Array<{ path: string; answers: (value: string) => Json; rendered: (docs: any[]) => unknown; given: (value: string) => string }> = [
  {
    path: 'workload.schedule',
    answers: (v) => ({ name: 'cron', image: { repository: 'ghcr.io/acme/cron', tag: '1.0.0' }, workload: { kind: 'CronJob', schedule: v } }),
    rendered: (docs) => docs.find((d) => d.kind === 'CronJob').spec.schedule,
    given: (v) => v,
  },
  {
    path: 'workload.livenessCommand[0]',
    answers: (v) => ({ name: 'worker', image: { repository: 'ghcr.io/acme/worker', tag: '1.0.0' }, workload: { livenessCommand: [v] } }),
    rendered: (docs) => pod(docs).containers[0].livenessProbe.exec.command[0],
    given: (v) => v,
  },
  {
    path: 'probes.liveness.path',
    answers: (v) => ({ name: 'web', image: { repository: 'ghcr.io/acme/web', tag: '1.0.0' }, service: { port: 80 }, probes: { liveness: { type: 'http', path: `/${v}` } } }),
    rendered: (docs) => pod(docs).containers[0].livenessProbe.httpGet.path,
    given: (v) => `/${v}`,
  },
  {
    path: 'ingress.host',
    answers: (v) => ({ name: 'web', image: { repository: 'ghcr.io/acme/web', tag: '1.0.0' }, service: { port: 80 }, ingress: { enabled: true, host: v } }),
    rendered: (docs) => docs.find((d) => d.kind === 'Ingress').spec.rules[0].host,
    given: (v) => v,
  },
];

for (const shape of OTHER_SHAPES) {
  test(`${shape.path}: every payload comes out as the same string, or is refused by name`, () => {
    for (const payload of [...PAYLOADS, '0 3 * * *', '@daily', 'x.example.com']) {
      const written = writeChart(shape.answers(payload));
      if ('problems' in written) {
        assert.equal([...new Set(written.problems.map((p) => p.path))], [shape.path], `${JSON.stringify(payload)}: ${formatProblems(written.problems as never)}`);
        continue;
      }
      for (const helm of binaries) {
        const rendered = helmTemplate(helm.bin, written.dir);
        assert.ok(rendered.ok, `${helm.version} ${JSON.stringify(payload)}: ${rendered.output}`);
        assert.is(shape.rendered(rendered.docs), shape.given(payload), `${helm.version}: ${JSON.stringify(payload)}`);
      }
    }
  });
}

test('a chart renders with the default payload-free answers (the base of the payload test)', () => {
  const dir = chartDir(baseAnswers());
  const rendered = helmTemplate(binaries[0]!.bin, dir);
  assert.ok(rendered.ok, rendered.output);
  const kinds = new Set(rendered.docs.map((doc) => doc.kind));
  for (const kind of ['Deployment', 'Service', 'Ingress', 'Issuer', 'ConfigMap', 'ExternalSecret', 'PersistentVolumeClaim']) {
    assert.ok(kinds.has(kind), kind);
  }
});

test.run();
