// Each chart documents itself: values.yaml, values.schema.json and the README's parameters table
// come from one description and agree; the schema is strict on Helm 3 and 4; the chart works as a
// subchart; secrets can come from elsewhere.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { load } from 'js-yaml';
import { helms, helmLint, helmTemplate } from './support/helm.ts';
import { exampleNames, freshChart } from './support/fresh-charts.ts';
import { leaf, renderValuesYaml } from '../src/chart/values-tree.ts';

const binaries = await helms();
const charts = exampleNames;
const read = (chart: string, file: string) => readFileSync(join(freshChart(chart), file), 'utf8');

type Json = Record<string, any>;

/** Every `## @param path` of values.yaml. */
function params(valuesYaml: string): string[] {
  return [...valuesYaml.matchAll(/^\s*## @param (\S+) /gm)].map((match) => match[1]!);
}

/** The value at a dotted path, or undefined. */
function at(values: Json, path: string): unknown {
  return path.split('.').reduce<any>((node, key) => (node === undefined || node === null ? undefined : node[key]), values);
}

/** Dotted paths of every leaf of values.yaml, stopping at a documented path (a map such as
 * config.data or podAnnotations is one entry). */
function undocumented(values: Json, documented: Set<string>, prefix = ''): string[] {
  return Object.entries(values).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (documented.has(path)) return [];
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return undocumented(value, documented, path);
    return [path];
  });
}

/** Documented values, and the groups above them, whose schema has no description. (Below a
 * value, such as the fields of podSecurityContext, the schema describes Kubernetes' own fields.) */
function withoutDescription(schema: Json, documented: string[]): string[] {
  const paths = new Set(documented.flatMap((path) => path.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'))));
  return [...paths].filter((path) => {
    const node = path.split('.').reduce<Json | undefined>((n, key) => n?.properties?.[key], schema);
    return typeof node?.description !== 'string' || node.description.length === 0;
  });
}

for (const chart of charts) {
  test(`${chart}: values.yaml validates against values.schema.json (draft-07)`, () => {
    const schema = JSON.parse(read(chart, 'values.schema.json'));
    assert.is(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const valid = validate(load(read(chart, 'values.yaml')));
    assert.ok(valid, JSON.stringify(validate.errors, null, 2));
    assert.not.match(read(chart, 'values.schema.json'), /"\$ref": "(?!#\/definitions\/)/, 'only local $refs: charts are linted offline');
    const refs = [...read(chart, 'values.schema.json').matchAll(/"\$ref": "#\/definitions\/([^"]+)"/g)].map((match) => match[1]!);
    for (const ref of refs) assert.ok(schema.definitions?.[ref], `#/definitions/${ref} is defined`);
  });

  test(`${chart}: every value has a description, an @param line and a README row`, () => {
    const valuesYaml = read(chart, 'values.yaml');
    const values = load(valuesYaml) as Json;
    const documented = params(valuesYaml);
    assert.equal(undocumented(values, new Set(documented)), [], 'values without an @param line');
    for (const path of documented) assert.is.not(at(values, path), undefined, `@param ${path} has no value`);
    const readme = read(chart, 'README.md');
    const rows = [...readme.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]!);
    for (const path of documented) assert.ok(rows.includes(path), `README lists ${path}`);
    const schema = JSON.parse(read(chart, 'values.schema.json'));
    assert.equal(withoutDescription(schema, documented), [], 'values whose schema has no description');
  });

  for (const helm of binaries) {
    test(`${chart}: ${helm.version} fails on a typo'd key and on a wrong type, with the schema's message`, () => {
      const typo = helmLint(helm.bin, freshChart(chart), { set: ['image.repositry=x'] });
      assert.not.ok(typo.ok, 'a typo passed');
      assert.match(typo.output, /repositry/);
      const wrongType = helmTemplate(helm.bin, freshChart(chart), { set: ['image.pullPolicy=5'] });
      assert.not.ok(wrongType.ok, 'a wrong type passed');
      assert.match(wrongType.output, /pullPolicy/);
    });
  }
}

test('a chart works as a subchart: a parent passing global values lints and renders it', () => {
  for (const chart of ['shop-api', 'nightly-report']) {
    const parent = join(mkdtempSync(join(tmpdir(), 'k8s-chart-parent-')), 'platform');
    mkdirSync(join(parent, 'charts'), { recursive: true });
    cpSync(freshChart(chart), join(parent, 'charts', chart), { recursive: true });
    writeFileSync(
      join(parent, 'Chart.yaml'),
      `apiVersion: v2\nname: platform\nversion: 1.0.0\ntype: application\nicon: https://example.com/icon.png\n` +
        `dependencies:\n  - name: ${chart}\n    version: 0.1.0\n    condition: ${chart}.enabled\n`,
    );
    mkdirSync(join(parent, 'templates'));
    writeFileSync(
      join(parent, 'templates/configmap.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: platform\ndata:\n  environment: {{ .Values.global.environment | quote }}\n',
    );
    writeFileSync(join(parent, 'values.yaml'), `global:\n  environment: production\n${chart}:\n  enabled: true\n  podLabels:\n    team: shop\n`);
    for (const helm of binaries) {
      const lint = helmLint(helm.bin, parent);
      assert.ok(lint.ok, `${helm.version} ${chart}: ${lint.output}`);
      const rendered = helmTemplate(helm.bin, parent);
      assert.ok(rendered.ok, rendered.output);
      const workload = rendered.docs.find((doc) => ['Deployment', 'CronJob'].includes(doc.kind));
      assert.ok(workload, `${chart} renders inside the parent`);
    }
  }
});

test('existingSecret: no Secret rendered, the pods read the named one', () => {
  for (const helm of binaries) {
    const rendered = helmTemplate(helm.bin, freshChart('shop-api'), { set: ['secrets.existingSecret=vault-synced'] });
    assert.ok(rendered.ok, rendered.output);
    assert.is(rendered.docs.filter((doc) => doc.kind === 'Secret').length, 0);
    const env = rendered.docs.find((doc) => doc.kind === 'Deployment').spec.template.spec.containers[0].env;
    assert.equal(env.map((e: Json) => e.valueFrom.secretKeyRef.name), ['vault-synced', 'vault-synced']);
  }
});

test('an ExternalSecret fills the Secret from a store instead', () => {
  const rendered = helmTemplate(binaries[0]!.bin, freshChart('db-migrate'));
  assert.ok(rendered.ok, rendered.output);
  assert.is(rendered.docs.filter((doc) => doc.kind === 'Secret').length, 0);
  const external = rendered.docs.find((doc) => doc.kind === 'ExternalSecret');
  assert.is(external.apiVersion, 'external-secrets.io/v1');
  assert.equal(external.spec.secretStoreRef, { name: 'vault', kind: 'ClusterSecretStore' });
  assert.equal(external.spec.data, [{ secretKey: 'DATABASE_PASSWORD', remoteRef: { key: 'shop/database', property: 'DATABASE_PASSWORD' } }]);
  const job = rendered.docs.find((doc) => doc.kind === 'Job');
  assert.is(job.spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef.name, external.spec.target.name);
});

test('the ci/ files switch every optional part on and off', () => {
  for (const chart of charts) {
    const allOff = load(read(chart, 'ci/all-off-values.yaml')) as Json;
    // Components are switched off by a file of their own: all-off keeps them, to switch their parts off.
    const componentsOff = (existsSync(join(freshChart(chart), 'ci/components-off-values.yaml')) ? load(read(chart, 'ci/components-off-values.yaml')) : {}) as Json;
    const values = load(read(chart, 'values.yaml')) as Json;
    const switches = params(read(chart, 'values.yaml')).filter((path) => /\.(enabled|create)$/.test(path) && at(values, path) === true);
    for (const path of switches) {
      if (path.startsWith('namespacePolicy.') || path.startsWith('secrets.externalSecret')) continue;
      // Switched off itself, or with the part it belongs to (httpRoute.enabled covers httpRoute.gateway.create).
      const parts = path.split('.');
      const covered = [allOff, componentsOff].some((off) => parts.some((_, i) => at(off, [...parts.slice(0, i), i === parts.length - 1 ? parts[i] : 'enabled'].join('.')) === false));
      assert.ok(covered, `${chart}: ci/all-off-values.yaml switches ${path} off`);
    }
  }
});

test('values.yaml holds each value as given, whatever values of other types came before in the run', () => {
  // Alike in JSON or as text, unlike as values: what a run keeps of earlier dumps must tell them apart.
  const values: unknown[] = [true, 'true', 1, '1', 1.5, -0, 0, Number.NaN, null, 'null', '', {}, [], [{}], { a: 1 }, { a: '1' }, ['x'], 'a: b', '010', 'x'.repeat(2000)];
  const render = (list: unknown[]) => renderValuesYaml([{ title: 'T', nodes: list.map((value, i) => leaf(`v${i}`, value, {}, `value ${i}`)) }], []);
  for (const order of [values, [...values].reverse(), values]) {
    const loaded = load(render(order)) as Record<string, unknown>;
    order.forEach((value, i) => {
      const got = loaded[`v${i}`];
      const shown = (number: unknown) => (Object.is(number, -0) ? '-0' : String(number));
      if (typeof value === 'number') assert.ok(Object.is(got, value), `v${i}: ${shown(got)} for ${shown(value)}`);
      else assert.equal(got, value, `v${i}`);
    });
  }
});

test.run();
