// The persistence part (a volume for the pods) through its own interface.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { accepted, assertFiles, assertValues, base, modelOf, partNamed, refusedAt, ruleProblems } from '../support/parts.ts';
import { runBin, tempDir } from '../support/bin.ts';
import { claimChanges } from '../../src/parts/persistence/claim-changes.ts';

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

test('claimChanges: what Kubernetes refuses to change in an installed claim, by its answers path', () => {
  const sts = (persistence: object, extra: object = {}) => modelOf(base({ workload: { kind: 'StatefulSet' }, persistence, ...extra }));
  const deploy = (persistence: object) => modelOf(base({ persistence }));
  assert.equal(claimChanges(sts({ size: '1Gi' }), sts({ size: '1Gi' })), []);
  assert.match(claimChanges(sts({ size: '1Gi' }), sts({ size: '5Gi' }), 'components.db.')[0]!, /^components\.db\.persistence\.size: a StatefulSet's volumeClaimTemplates cannot change/);
  assert.match(claimChanges(sts({ size: '1Gi' }), sts({ size: '1Gi', storageClass: 'fast' }))[0]!, /^persistence\.storageClass: /);
  assert.match(claimChanges(sts({ size: '1Gi' }), sts({ enabled: false }))[0]!, /^persistence\.enabled: /);
  assert.match(claimChanges(modelOf(base({ workload: { kind: 'StatefulSet' } })), sts({ size: '1Gi' }))[0]!, /^persistence\.enabled: /, 'a claim template added');
  assert.equal(claimChanges(modelOf(base({ workload: { kind: 'StatefulSet' } })), modelOf(base({ workload: { kind: 'StatefulSet' } }))), []);
  // One claim the chart creates: it may grow; its class and access modes may not change.
  assert.equal(claimChanges(deploy({ size: '1Gi' }), deploy({ size: '5Gi' })), []);
  assert.match(claimChanges(deploy({ size: '1Gi' }), deploy({ size: '1Gi', storageClass: 'fast' }))[0]!, /^persistence\.storageClass: a PersistentVolumeClaim's storageClass cannot change/);
});

test('an update that changes a StatefulSet claim template is written, with a one-line warning naming the path', () => {
  const out = tempDir('k8s-chart-claims-');
  const write = (answers: object) => {
    const file = join(tempDir(), 'answers.yaml');
    writeFileSync(file, stringify(answers));
    return runBin(['--answers', file, '--output', out]);
  };
  const answers = {
    name: 'store', appVersion: '1.0.0', image: { repository: 'ghcr.io/acme/store' }, service: { port: 8080 },
    workload: { kind: 'StatefulSet' }, persistence: { size: '1Gi' },
    components: { db: { workload: { kind: 'StatefulSet' }, service: { port: 5432, protocol: 'tcp' }, persistence: { size: '2Gi' } } },
  };
  const first = write(answers);
  assert.is(first.status, 0, first.stderr);
  assert.not.match(first.stderr, /warning/);
  const same = write({ ...answers, description: 'the same claims' });
  assert.is(same.status, 0, same.stderr);
  assert.not.match(same.stderr, /volumeClaimTemplates/);
  const grown = write({ ...answers, persistence: { size: '5Gi' }, components: { db: { ...answers.components.db, persistence: { size: '4Gi' } } } });
  assert.is(grown.status, 0, grown.stderr);
  const warnings = grown.stderr.split('\n').filter((line) => line.includes('warning:'));
  assert.equal(warnings.map((line) => /warning: (\S+):/.exec(line)?.[1]), ['persistence.size', 'components.db.persistence.size']);
  assert.ok(warnings.every((line) => line.includes('--cascade=orphan')));
});

test.run();
