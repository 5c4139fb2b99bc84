// The config part (a ConfigMap) through its own interface.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accepted, assertFiles, assertValues, base, modelOf, partNamed, planPaths, refusedAt, ruleProblems } from '../support/parts.ts';

const config = partNamed('config');
const on = base({ config: { data: { LOG_LEVEL: 'info', WORKERS: 4, DEBUG: false } } });

test('schema: an answer of the wrong shape is refused by its path', () => {
  accepted(on);
  refusedAt(base({ config: { data: { 'bad key!': 'x' } } }), 'config.data.bad key!');
  refusedAt(base({ config: { data: { NESTED: { a: 1 } } } }), 'config.data.NESTED');
  refusedAt(base({ config: { mountPath: 'relative' } }), 'config.mountPath');
});

test('model: on when it has entries; each value as the string a ConfigMap holds', () => {
  assert.equal(modelOf(on).config, { enabled: true, data: { LOG_LEVEL: 'info', WORKERS: '4', DEBUG: 'false' }, mountPath: '' });
  assert.is(modelOf(base({ config: { data: {} } })).config.enabled, false, 'no entries: off');
  assert.is(modelOf(base({ config: { enabled: true } })).config.enabled, true, 'on when asked, even empty');
});

test('rules: its mount path is its own (the persistence part checks every mount)', () => {
  const persistence = partNamed('persistence');
  assert.equal(ruleProblems(persistence, base({ config: { data: { A: 'b' }, mountPath: '/tmp' } })), [
    'config.mountPath: /tmp is already the writable /tmp folder every pod gets: choose another folder',
  ]);
  assert.equal(ruleProblems(persistence, base({ config: { enabled: false, mountPath: '/tmp' } })), [], 'not while off');
});

test('values: the config section while on, none while off', () => {
  assertValues(config, ['config'], on, base());
});

test('files: templates/configmap.yaml while on', () => {
  assert.equal(planPaths(config), ['templates/configmap.yaml']);
  assertFiles(['templates/configmap.yaml'], on, base());
});

test.run();
