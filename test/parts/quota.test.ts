// The quota part (opt-in limits for the namespace) through its own interface.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { load } from 'js-yaml';
import { assertFiles, assertValues, base, chartFiles, partNamed, planPaths } from '../support/parts.ts';

const quota = partNamed('quota');

test('values: namespacePolicy in every chart, off by default', () => {
  assertValues(quota, ['namespacePolicy'], base());
  const values = load(chartFiles(base()).get('values.yaml')!) as { namespacePolicy: Record<string, { enabled: boolean }> };
  assert.equal(Object.keys(values.namespacePolicy).toSorted(), ['limitRange', 'resourceQuota']);
  assert.equal([values.namespacePolicy.resourceQuota!.enabled, values.namespacePolicy.limitRange!.enabled], [false, false], 'opt-in');
});

test('files: templates/namespace-policy.yaml in every chart (it renders only what values switch on)', () => {
  assert.equal(planPaths(quota), ['templates/namespace-policy.yaml']);
  assertFiles(['templates/namespace-policy.yaml'], base());
});

test.run();
