// The podDisruptionBudget part through its own interface.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertFiles, assertValues, base, partNamed, planPaths } from '../support/parts.ts';

const podDisruptionBudget = partNamed('podDisruptionBudget');
const daemonSet = base({ workload: { kind: 'DaemonSet' } });

test('values: the podDisruptionBudget section for a replicated kind, none for a DaemonSet', () => {
  assertValues(podDisruptionBudget, ['podDisruptionBudget'], base(), daemonSet);
  assertValues(podDisruptionBudget, ['podDisruptionBudget'], base({ workload: { kind: 'StatefulSet' } }), base({ workload: { kind: 'Job' }, service: undefined }));
});

test('files: templates/pdb.yaml for a replicated kind', () => {
  assert.equal(planPaths(podDisruptionBudget), ['templates/pdb.yaml']);
  assertFiles(['templates/pdb.yaml'], base(), daemonSet);
});

test.run();
