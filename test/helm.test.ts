// Proves the real-Helm test harness works before other tests rely on it.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { helmLint, helms, helmTemplate, runHelm } from './support/helm.ts';

const root = mkdtempSync(join(tmpdir(), 'k8s-chart-helm-test-'));
process.on('exit', () => rmSync(root, { recursive: true, force: true }));

function writeChart(name: string, templates: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'templates'), { recursive: true });
  writeFileSync(join(dir, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\ndescription: tiny test chart\nversion: 0.1.0\n`);
  writeFileSync(join(dir, 'values.yaml'), 'greeting: hello\n');
  for (const [file, body] of Object.entries(templates)) writeFileSync(join(dir, 'templates', file), body);
  return dir;
}

const configMap = [
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: {{ .Release.Name }}-cfg',
  '  namespace: {{ .Release.Namespace }}',
  'data:',
  '  greeting: {{ .Values.greeting | quote }}',
  '  kube: {{ .Capabilities.KubeVersion.Version | quote }}',
  '',
].join('\n');

const tiny = writeChart('tiny', { 'configmap.yaml': configMap });
const broken = writeChart('broken', { 'configmap.yaml': configMap, 'bad.yaml': '{{ fail "boom" }}\n' });
const all = await helms();

test('both pinned Helm majors run', () => {
  assert.equal(
    all.map((h) => [h.name, h.version]),
    [['helm3', 'v3.17.3'], ['helm4', 'v4.1.4']],
  );
  for (const h of all) {
    const res = runHelm(h.bin, ['version', '--short']);
    assert.ok(res.ok, res.output);
    assert.ok(res.stdout.startsWith(`${h.version}+g`), res.stdout);
  }
});

for (const h of all) {
  test(`${h.name}: lint --strict passes on a valid chart`, () => {
    const res = helmLint(h.bin, tiny, { set: ['greeting=hi'] });
    assert.ok(res.ok, res.output);
    assert.match(res.output, '1 chart(s) linted, 0 chart(s) failed');
  });

  test(`${h.name}: template renders and parses the ConfigMap`, () => {
    const res = helmTemplate(h.bin, tiny, {
      releaseName: 'rel',
      namespace: 'ns1',
      set: ['greeting=hi'],
      kubeVersion: '1.30.0',
      showOnly: ['templates/configmap.yaml'],
    });
    assert.ok(res.ok, res.output);
    assert.equal(res.docs, [
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'rel-cfg', namespace: 'ns1' },
        data: { greeting: 'hi', kube: 'v1.30.0' },
      },
    ]);
  });

  test(`${h.name}: a failing template makes helmTemplate report the error`, () => {
    const res = helmTemplate(h.bin, broken);
    assert.is(res.ok, false);
    assert.match(res.output, 'boom');
    assert.equal(res.docs, []);
  });
}

test.run();
