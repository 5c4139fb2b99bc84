// The chart part (Chart.yaml's fields and the chart's own files) through its own interface.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { load } from 'js-yaml';
import { accepted, assertFiles, base, chartFiles, modelOf, partNamed, planPaths, refusedAt } from '../support/parts.ts';
import { toModel, type Answers } from '../../src/model.ts';

const chart = partNamed('chart');

test('schema: an answer of the wrong shape is refused by its path', () => {
  accepted(base({ description: 'Shop API', version: '1.2.3' }));
  refusedAt({ ...base(), name: undefined }, 'name', /required/);
  refusedAt(base({ name: 'Shop_API' }), 'name');
  refusedAt(base({ version: '1.2' }), 'version', /must be a version such as 0\.1\.0/);
  refusedAt(base({ description: 'two\nlines' }), 'description');
});

test('model: a description from the name, version 0.1.0 (or the one an update keeps), appVersion from the tag', () => {
  const model = modelOf(base());
  assert.equal([model.name, model.description, model.version, model.appVersion], ['app', 'A Helm chart for app', '0.1.0', '1.0.0']);
  const answers = { name: 'app', image: { repository: 'ghcr.io/acme/app', tag: '2.0.0' } } as Answers;
  assert.equal([toModel(answers, '0.4.2').version, toModel(answers).appVersion], ['0.4.2', '2.0.0']);
  assert.is(toModel({ ...answers, version: '1.0.0' }, '0.4.2').version, '1.0.0', 'a version answered wins');
});

test("files: the chart's own files in every chart, Chart.yaml from the model", () => {
  const paths = planPaths(chart);
  for (const path of ['Chart.yaml', 'values.yaml', 'values.schema.json', 'README.md', '.helmignore', 'templates/_helpers.tpl', 'templates/NOTES.txt']) {
    assert.ok(paths.includes(path), `${path} is a row of the chart part`);
  }
  assertFiles(paths, base());
  assertFiles(paths, base({ workload: { kind: 'Job' }, service: undefined }));
  const chartYaml = load(chartFiles(base({ description: 'Shop API', version: '1.2.3' })).get('Chart.yaml')!) as Record<string, unknown>;
  assert.equal([chartYaml.name, chartYaml.description, chartYaml.version, chartYaml.appVersion], ['app', 'Shop API', '1.2.3', '1.0.0']);
});

test('values: values.yaml and values.schema.json are rendered from every part\'s sections, in order', () => {
  const files = chartFiles(base({ config: { data: { A: 'b' } } }));
  const values = load(files.get('values.yaml')!) as Record<string, unknown>;
  const schema = JSON.parse(files.get('values.schema.json')!) as { properties: Record<string, unknown>; additionalProperties: boolean };
  assert.is(schema.additionalProperties, false, 'a typo in values is refused');
  for (const key of Object.keys(values)) assert.ok(key in schema.properties, `values.schema.json has ${key}`);
  const keys = Object.keys(values);
  assert.ok(keys.indexOf('image') < keys.indexOf('service') && keys.indexOf('service') < keys.indexOf('config'), 'in the order of PARTS');
});

test.run();
