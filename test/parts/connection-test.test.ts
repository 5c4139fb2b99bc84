// The connectionTest part (the `helm test` pod) through its own interface.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertFiles, assertValues, base, partNamed, planPaths } from '../support/parts.ts';

const connectionTest = partNamed('connectionTest');
const worker = base({ service: undefined, workload: { livenessCommand: ['/bin/true'] } });

test('values: the tests section while there is a Service to test, none for a worker', () => {
  assertValues(connectionTest, ['tests'], base(), worker);
  assertValues(connectionTest, ['tests'], base(), base({ workload: { kind: 'Job' }, service: undefined }));
});

test('files: templates/tests/test-connection.yaml with a Service', () => {
  assert.equal(planPaths(connectionTest), ['templates/tests/test-connection.yaml']);
  assertFiles(['templates/tests/test-connection.yaml'], base(), worker);
});

test.run();
