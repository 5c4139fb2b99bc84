// The externalSecret part (secrets.externalSecret: the Secret filled from a store) through its own interface.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accepted, assertFiles, base, modelOf, partNamed, planPaths, refusedAt } from '../support/parts.ts';

const externalSecret = partNamed('externalSecret');
const on = base({ secrets: { keys: ['DB_PASSWORD'], externalSecret: { storeName: 'vault', remoteKey: 'shop/db' } } });
const off = base({ secrets: { keys: ['DB_PASSWORD'] } });

test('schema: an answer of the wrong shape is refused by its path', () => {
  accepted(on);
  refusedAt(base({ secrets: { keys: ['A'], externalSecret: {} } }), 'secrets.externalSecret.storeName', /required/);
  refusedAt(base({ secrets: { keys: ['A'], externalSecret: { storeName: 'vault', storeKind: 'Vault' } } }), 'secrets.externalSecret.storeKind', /must be one of/);
  refusedAt(base({ secrets: { keys: ['A'], externalSecret: { storeName: 'vault', remoteKey: '' } } }), 'secrets.externalSecret.remoteKey');
});

test('model: a ClusterSecretStore unless told', () => {
  assert.equal(modelOf(on).secrets.externalSecret, { enabled: true, storeName: 'vault', storeKind: 'ClusterSecretStore', remoteKey: 'shop/db' });
  assert.is(modelOf(off).secrets.externalSecret.enabled, false);
});

test('files: templates/externalsecret.yaml with a store, beside the Secret', () => {
  assert.equal(planPaths(externalSecret), ['templates/externalsecret.yaml']);
  assertFiles(['templates/externalsecret.yaml', 'templates/secret.yaml'], on);
  assertFiles(['templates/externalsecret.yaml'], on, off);
});

test.run();
