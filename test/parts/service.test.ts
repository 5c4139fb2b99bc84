// The service part (the Service in front of the pods) through its own interface.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accepted, assertFiles, assertValues, base, modelOf, partNamed, planPaths, refusedAt, ruleProblems } from '../support/parts.ts';

const service = partNamed('service');
const on = base();
const worker = base({ service: undefined, workload: { livenessCommand: ['/bin/true'] } });

test('schema: an answer of the wrong shape is refused by its path', () => {
  accepted(on);
  accepted(worker);
  refusedAt(base({ service: { port: 70000 } }), 'service.port');
  refusedAt(base({ service: { port: '8080' } }), 'service.port', /must be a whole number/);
  refusedAt(base({ service: { port: 8080, type: 'External' } }), 'service.type', /must be one of/);
});

test('model: a ClusterIP Service on the container port, named for plain HTTP', () => {
  const { service: model } = modelOf(on);
  assert.equal([model.enabled, model.port, model.servicePort, model.type, model.protocol, model.appProtocol], [true, 8080, 0, 'ClusterIP', 'http', '']);
  assert.is(modelOf(worker).service.enabled, false, 'a worker has none');
  assert.is(modelOf(base({ workload: { kind: 'Job' }, service: undefined })).service.enabled, false);
});

test('rules: a port first, HTTP routes for HTTP only, no Service for a batch kind', () => {
  assert.equal(ruleProblems(service, on), []);
  assert.equal(ruleProblems(service, base({ service: { servicePort: 80 }, workload: { livenessCommand: ['/bin/true'] } })), [
    'service.servicePort: only with service.port (the container port): a worker listens on no port',
  ]);
  assert.match(ruleProblems(service, base({ service: { port: 5432, protocol: 'tcp' }, ingress: { enabled: true, host: 'a.example.com' } })).join('\n'), /^ingress\.enabled: routes HTTP, and service\.protocol is tcp/m);
  assert.match(ruleProblems(service, base({ workload: { kind: 'Job' } })).join('\n'), /^service: a Job gets no Service/m);
});

test('values: the service section with a port, none for a worker', () => {
  assertValues(service, ['service'], on, worker);
});

test('files: templates/service.yaml with a port', () => {
  assert.equal(planPaths(service), ['templates/service.yaml']);
  assertFiles(['templates/service.yaml'], on, worker);
});

test.run();
