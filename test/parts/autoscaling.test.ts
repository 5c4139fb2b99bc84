// The autoscaling part (a HorizontalPodAutoscaler) through its own interface.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accepted, assertFiles, assertValues, base, modelOf, partNamed, planPaths, refusedAt, ruleProblems } from '../support/parts.ts';

const autoscaling = partNamed('autoscaling');
const on = base({ autoscaling: { enabled: true } });

test('schema: an answer of the wrong shape is refused by its path', () => {
  accepted(on);
  refusedAt(base({ autoscaling: { enabled: true, minReplicas: 0 } }), 'autoscaling.minReplicas');
  refusedAt(base({ autoscaling: { enabled: true, maxReplicas: 'ten' } }), 'autoscaling.maxReplicas', /must be a whole number/);
  refusedAt(base({ autoscaling: { enabled: true, targetCPUUtilizationPercentage: 101 } }), 'autoscaling.targetCPUUtilizationPercentage');
});

test('model: 2 to 10 replicas at 70% CPU, not on memory', () => {
  assert.equal(modelOf(on).autoscaling, {
    enabled: true,
    minReplicas: 2,
    maxReplicas: 10,
    targetCPUUtilizationPercentage: 70,
    targetMemoryUtilizationPercentage: 0,
    engine: 'hpa',
    keda: { triggers: [], pollingInterval: 30, cooldownPeriod: 300, transferHpaOwnership: false },
  });
  // With KEDA the CPU target is a trigger only when asked for.
  assert.equal(modelOf(base({ autoscaling: { enabled: true, engine: 'keda', keda: { triggers: [{ type: 'cron', metadata: {} }] } } })).autoscaling.targetCPUUtilizationPercentage, 0);
  assert.is(modelOf(base()).autoscaling.enabled, false);
});

test('rules: a replicated kind, and min not above max', () => {
  assert.equal(ruleProblems(autoscaling, on), []);
  assert.match(ruleProblems(autoscaling, base({ workload: { kind: 'DaemonSet' }, autoscaling: { enabled: true } })).join('\n'), /^autoscaling\.enabled: only for workload\.kind Deployment/m);
  assert.equal(ruleProblems(autoscaling, base({ autoscaling: { enabled: true, minReplicas: 5, maxReplicas: 3 } })), [
    'autoscaling.minReplicas: autoscaling.minReplicas (5) must not exceed autoscaling.maxReplicas (3)',
  ]);
  assert.match(ruleProblems(autoscaling, base({ autoscaling: { enabled: true, maxReplicas: 1 } })).join('\n'), /^autoscaling\.maxReplicas: /m, 'the field given is named');
});

test('values: the autoscaling section while on, none while off', () => {
  assertValues(autoscaling, ['autoscaling'], on, base());
});

test('files: the HPA, the KEDA ScaledObject and its ci/ file while on (values choose the engine)', () => {
  const files = ['templates/hpa.yaml', 'templates/scaledobject.yaml', 'ci/keda-values.yaml'];
  assert.equal(planPaths(autoscaling), files);
  assertFiles(files, on, base());
});

test.run();
