// The common part (global values, name overrides, labels, extra manifests) through its own interface.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertFiles, assertValues, base, chartFiles, partNamed, planPaths } from '../support/parts.ts';

const common = partNamed('common');

test('values: global, the name overrides, common labels and annotations, extraDeploy in every chart', () => {
  const keys = ['global', 'nameOverride', 'fullnameOverride', 'commonLabels', 'commonAnnotations', 'extraDeploy'];
  assertValues(common, keys, base());
  assertValues(common, keys, base({ workload: { kind: 'CronJob', schedule: '0 * * * *' }, service: undefined }));
});

test("values.schema.json: global admits a parent chart's other keys, the rest is strict", () => {
  const schema = JSON.parse(chartFiles(base()).get('values.schema.json')!) as { properties: Record<string, { additionalProperties?: boolean }> };
  assert.is(schema.properties.global!.additionalProperties, undefined, 'global is open');
  assert.is(schema.properties.commonLabels!.additionalProperties === true, false, 'commonLabels is checked');
});

test('files: templates/extra-list.yaml in every chart', () => {
  assert.equal(planPaths(common), ['templates/extra-list.yaml']);
  assertFiles(['templates/extra-list.yaml'], base());
});

test.run();
