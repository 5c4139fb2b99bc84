// The secrets part (a Secret kept across upgrades) through its own interface.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accepted, assertFiles, assertValues, base, modelOf, partNamed, planPaths, refusedAt, ruleProblems } from '../support/parts.ts';

const secrets = partNamed('secrets');
const on = base({ secrets: { keys: ['DB_PASSWORD', 'API_TOKEN'] } });

test('schema: an answer of the wrong shape is refused by its path', () => {
  accepted(on);
  refusedAt(base({ secrets: { keys: ['db-password'] } }), 'secrets.keys[0]');
  refusedAt(base({ secrets: { keys: ['A', 'A'] } }), 'secrets.keys', /must not repeat/);
  refusedAt(base({ secrets: { values: { A: 'hunter2' } } }), 'secrets.values', /unknown key/);
});

test('model: on with keys or an existing Secret; no store, the chart name as the remote key', () => {
  const { secrets: model } = modelOf(on);
  assert.equal([model.enabled, model.keys, model.provided, model.existingSecret], [true, ['DB_PASSWORD', 'API_TOKEN'], [], '']);
  assert.equal(model.externalSecret, { enabled: false, storeName: '', storeKind: 'ClusterSecretStore', remoteKey: 'app' });
  assert.is(modelOf(base({ secrets: { existingSecret: 'vault-synced' } })).secrets.enabled, true);
  assert.is(modelOf(base()).secrets.enabled, false);
});

test('rules: one source, provided keys among the keys, keys to fetch', () => {
  assert.equal(ruleProblems(secrets, on), []);
  assert.equal(ruleProblems(secrets, base({ secrets: { keys: ['A'], provided: ['B'] } })), ['secrets.provided: "B" is not one of secrets.keys: list it there too']);
  const both = ruleProblems(secrets, base({ secrets: { existingSecret: 'x', externalSecret: { storeName: 'vault' } } })).join('\n');
  assert.match(both, /^secrets\.externalSecret: not with secrets\.existingSecret/m);
  assert.match(both, /^secrets\.keys: required with secrets\.externalSecret/m);
});

test('values: the secrets section while on, none while off', () => {
  assertValues(secrets, ['secrets'], on, base());
});

test('files: templates/secret.yaml while on', () => {
  assert.equal(planPaths(secrets), ['templates/secret.yaml']);
  assertFiles(['templates/secret.yaml'], on, base());
});

test.run();
