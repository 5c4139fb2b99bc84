// The pod part (the pod template and the probes) through its own interface.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accepted, assertFiles, assertValues, base, chartFiles, modelOf, partNamed, planPaths, refusedAt, ruleProblems, valueKeys } from '../support/parts.ts';

const chartValuesOf = (data: Record<string, unknown>) => chartFiles(data).get('values.yaml')!;

const pod = partNamed('pod');
const worker = base({ service: undefined, workload: { livenessCommand: ['/app/healthcheck'] } });

test('schema: an answer of the wrong shape is refused by its path', () => {
  accepted(base({ probes: { liveness: { type: 'http', path: '/healthz' } } }));
  refusedAt(base({ probes: { liveness: { type: 'ping' } } }), 'probes.liveness.type', /must be one of http, tcp, grpc, exec/);
  refusedAt(base({ probes: { liveness: { path: '/healthz' } } }), 'probes.liveness.type', /required/);
  refusedAt(base({ probes: { readiness: { type: 'http', path: 'healthz' } } }), 'probes.readiness.path');
});

test('model: a TCP check on the port unless chosen; readiness as liveness; a startup probe only when asked', () => {
  const tcp = modelOf(base()).probes;
  assert.equal(tcp.liveness, { enabled: true, tcpSocket: { port: 'http' } });
  assert.equal(tcp.readiness, { enabled: true, tcpSocket: { port: 'http' } });
  assert.is(tcp.startup?.enabled, false);
  const http = modelOf(base({ probes: { liveness: { type: 'http' } } })).probes;
  assert.equal(http.readiness, { enabled: true, httpGet: { path: '/', port: 'http' } });
  assert.equal(modelOf(worker).probes, { liveness: { enabled: true, exec: { command: ['/app/healthcheck'] } } });
  assert.equal(modelOf(base({ workload: { kind: 'Job' }, service: undefined })).probes, {}, 'a Job gets none');
});

test('rules: probes on a port; each type with its own fields', () => {
  assert.equal(ruleProblems(pod, base({ probes: { liveness: { type: 'exec', command: ['/ok'] } } })), []);
  assert.equal(ruleProblems(pod, { ...worker, probes: { liveness: { type: 'tcp' } } }), ['probes: only with service.port: a worker is checked by workload.livenessCommand']);
  assert.match(ruleProblems(pod, base({ workload: { kind: 'Job' }, service: undefined, probes: {} })).join('\n'), /^probes: a Job runs to completion and gets no probes$/m);
  const mixed = ruleProblems(pod, base({ probes: { liveness: { type: 'exec', path: '/x' }, readiness: { type: 'http', command: ['/x'], service: 'grpc.health' } } }));
  assert.equal(mixed.toSorted(), [
    'probes.liveness.command: required when type is exec',
    'probes.liveness.path: only for type http',
    'probes.readiness.command: only for type exec',
    'probes.readiness.service: only for type grpc',
  ]);
});

test('values: the pod section always; the probes its model has', () => {
  assertValues(pod, ['podSecurityContext', 'securityContext', 'resources', 'livenessProbe', 'readinessProbe', 'startupProbe'], base());
  const job = valueKeys(pod, base({ workload: { kind: 'Job' }, service: undefined }));
  assert.ok(job.includes('resources'));
  assert.not.ok(job.includes('livenessProbe'), 'a Job has no probes');
  assert.not.ok(valueKeys(pod, worker).includes('readinessProbe'), 'a worker has liveness only');
});

test('files: the pod template helper and the rollout ci/ file in every chart', () => {
  assert.equal(planPaths(pod), ['templates/_pod.tpl', 'ci/rollout-values.yaml']);
  assertFiles(['templates/_pod.tpl', 'ci/rollout-values.yaml'], base());
  assertFiles(['templates/_pod.tpl', 'ci/rollout-values.yaml'], base({ workload: { kind: 'CronJob', schedule: '0 * * * *' }, service: undefined }));
});

test('resources: the chart defaults unless the answers give them; a memory request above the default limit is its own limit; a request above a limit refused', () => {
  assert.equal(modelOf(base()).resources, { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } });
  assert.equal(modelOf(base({ resources: { requests: { cpu: '1', memory: '1Gi' } } })).resources, { requests: { cpu: '1', memory: '1Gi' }, limits: { memory: '1Gi' } });
  assert.equal(modelOf(base({ resources: { limits: { cpu: '2', memory: '512Mi' } } })).resources, { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '2', memory: '512Mi' } });
  refusedAt(base({ resources: { requests: { memory: 'lots' } } }), 'resources.requests.memory');
  refusedAt(base({ resources: { requests: { gpu: '1' } } }), 'resources.requests.gpu', /unknown key/);
  assert.equal(ruleProblems(pod, base({ resources: { requests: { memory: '1Gi' }, limits: { memory: '512Mi' } } })), [
    'resources.requests.memory: 1Gi is more than resources.limits.memory 512Mi: Kubernetes refuses a request above its limit',
  ]);
  assert.equal(ruleProblems(pod, base({ resources: { requests: { cpu: '500m' }, limits: { cpu: '0.5' } } })), []);
  const values = chartValuesOf(base({ resources: { requests: { memory: '300Mi' } } }));
  assert.match(values, /^resources:\n {2}requests:\n {4}cpu: 100m\n {4}memory: 300Mi\n {2}limits:\n {4}memory: 300Mi$/m);
});

test.run();
