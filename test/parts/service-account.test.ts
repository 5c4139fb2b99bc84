// The serviceAccount part (the identity the pods run as) through its own interface.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { load } from 'js-yaml';
import { assertFiles, assertValues, base, chartFiles, partNamed, planPaths } from '../support/parts.ts';

const serviceAccount = partNamed('serviceAccount');

test('values: serviceAccount in every chart, created, no API token without rbac.rules', () => {
  assertValues(serviceAccount, ['serviceAccount'], base());
  const values = load(chartFiles(base()).get('values.yaml')!) as { serviceAccount: Record<string, unknown> };
  assert.equal([values.serviceAccount.create, values.serviceAccount.automount], [true, false]);
  assertValues(serviceAccount, ['rbac'], base({ rbac: { rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['list'] }] } }), base());
});

test('files: templates/serviceaccount.yaml in every chart', () => {
  assert.equal(planPaths(serviceAccount), ['templates/serviceaccount.yaml']);
  assertFiles(['templates/serviceaccount.yaml'], base());
});

test.run();
