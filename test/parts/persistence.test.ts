// The persistence part (a volume for the pods) through its own interface.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accepted, assertFiles, assertValues, base, modelOf, partNamed, refusedAt, ruleProblems } from '../support/parts.ts';

const persistence = partNamed('persistence');
const on = base({ persistence: { size: '5Gi' } });

test('schema: an answer of the wrong shape is refused by its path', () => {
  accepted(on);
  refusedAt(base({ persistence: { size: 'lots' } }), 'persistence.size');
  refusedAt(base({ persistence: { accessModes: ['ReadWriteEverywhere'] } }), 'persistence.accessModes[0]', /must be one of/);
  refusedAt(base({ persistence: { accessModes: [] } }), 'persistence.accessModes');
});

test('model: a section switches it on; 1Gi at /data, ReadWriteOnce, the default class', () => {
  assert.equal(modelOf(base({ persistence: {} })).persistence, {
    enabled: true, size: '1Gi', mountPath: '/data', accessModes: ['ReadWriteOnce'], storageClass: '', existingClaim: '',
  });
  assert.is(modelOf(base({ persistence: { enabled: false, size: '5Gi' } })).persistence.enabled, false);
  assert.is(modelOf(base()).persistence.enabled, false);
});

test("rules: each kind's claim, one pod per single-node volume, one folder per mount", () => {
  assert.equal(ruleProblems(persistence, on), []);
  assert.match(ruleProblems(persistence, base({ workload: { replicas: 3 }, persistence: {} })).join('\n'), /^persistence\.accessModes: ReadWriteOnce serves one pod only/m);
  assert.equal(ruleProblems(persistence, base({ workload: { replicas: 3 }, persistence: { accessModes: ['ReadWriteMany'] } })), []);
  assert.match(ruleProblems(persistence, base({ workload: { kind: 'StatefulSet' }, persistence: { existingClaim: 'data' } })).join('\n'), /^persistence\.existingClaim: a StatefulSet gets a claim per pod/m);
  const daemon = ruleProblems(persistence, base({ workload: { kind: 'DaemonSet' }, persistence: { size: '1Gi' } })).join('\n');
  assert.match(daemon, /^persistence\.existingClaim: required for a DaemonSet/m);
  assert.match(daemon, /^persistence\.size: only for a claim the chart creates/m);
  assert.equal(ruleProblems(persistence, base({ persistence: { mountPath: '/etc/app' }, secrets: { keys: ['A'], mountPath: '/etc/app/' } })), [
    "persistence.mountPath: /etc/app is already secrets.mountPath's mount: choose another folder",
  ]);
});

test('values: the persistence section while on, none while off', () => {
  assertValues(persistence, ['persistence'], on, base());
});

test("files: a Deployment's claim while on, none for an existing claim", () => {
  assertFiles(['templates/pvc.yaml'], on, base());
  assertFiles(['templates/pvc.yaml'], on, base({ persistence: { existingClaim: 'data' } }));
});

test.run();
