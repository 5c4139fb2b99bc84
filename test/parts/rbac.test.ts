// The rbac part (least-privilege API access) through its own interface.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accepted, assertFiles, base, modelOf, partNamed, planPaths, refusedAt, valueKeys } from '../support/parts.ts';

const rbac = partNamed('rbac');
const rule = { apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'watch'] };
const on = base({ rbac: { rules: [rule] } });

test('schema: an answer of the wrong shape is refused by its path; never a wildcard', () => {
  accepted(on);
  refusedAt(base({ rbac: { rules: [{ ...rule, verbs: ['*'] }] } }), 'rbac.rules[0].verbs[0]', /must be one of get/);
  refusedAt(base({ rbac: { rules: [{ ...rule, resources: ['*'] }] } }), 'rbac.rules[0].resources[0]', /never \*/);
  refusedAt(base({ rbac: { rules: [{ apiGroups: [''], resources: ['pods'] }] } }), 'rbac.rules[0].verbs', /required/);
  refusedAt(base({ rbac: { rules: [] } }), 'rbac.rules');
});

test('model: on only with rules, namespaced unless clusterWide', () => {
  assert.equal(modelOf(on).rbac, { enabled: true, clusterWide: false, rules: [rule] });
  assert.is(modelOf(base({ rbac: { clusterWide: true } })).rbac.enabled, false, 'no rules, no role');
  assert.is(modelOf(base({ rbac: { rules: [rule], clusterWide: true } })).rbac.clusterWide, true);
});

test("values: its rules under the serviceAccount part's section, an API token only with rules", () => {
  const serviceAccount = partNamed('serviceAccount');
  assert.ok(valueKeys(serviceAccount, on).includes('rbac'));
  assert.not.ok(valueKeys(serviceAccount, base()).includes('rbac'));
  const automount = (data: Record<string, unknown>) =>
    (serviceAccount.values!(modelOf(data))[0]!.nodes[0] as { children: Array<{ key: string; value?: unknown }> }).children.find((n) => n.key === 'automount')!.value;
  assert.equal([automount(on), automount(base())], [true, false]);
});

test('files: templates/rbac.yaml only with rules', () => {
  assert.equal(planPaths(rbac), ['templates/rbac.yaml']);
  assertFiles(['templates/rbac.yaml'], on, base());
});

test.run();
