// The httpRoute part through its own interface: its answers, defaults, rules, values and file.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accepted, assertFiles, assertValues, base, modelOf, partNamed, planPaths, refusedAt, ruleProblems } from '../support/parts.ts';

const httpRoute = partNamed('httpRoute');
const on = base({ httpRoute: { enabled: true, hostnames: ['shop.example.com'], parentRefs: [{ name: 'shared', namespace: 'gateways' }] } });

test('schema: an answer of the wrong shape is refused by its path', () => {
  accepted(on);
  refusedAt(base({ httpRoute: { enabled: true, hostnames: 'shop.example.com', parentRefs: [{ name: 'gw' }] } }), 'httpRoute.hostnames', /must be a list/);
  refusedAt(base({ httpRoute: { enabled: true, hostnames: ['a.example.com', 'a.example.com'], parentRefs: [{ name: 'gw' }] } }), 'httpRoute.hostnames', /must not repeat/);
  refusedAt(base({ httpRoute: { enabled: true, hostnames: ['a.example.com'], parentRefs: [{ namespace: 'gw' }] } }), 'httpRoute.parentRefs[0].name', /required/);
});

test('model: a path prefix of /, no Gateway of its own', () => {
  const { httpRoute: model } = modelOf(on);
  assert.equal([model.enabled, model.path, model.gateway.create, model.gateway.issuerKind], [true, '/', false, 'ClusterIssuer']);
  assert.equal(model.parentRefs, [{ name: 'shared', namespace: 'gateways' }]);
  assert.is(modelOf(base()).httpRoute.enabled, false, 'off unless asked');
});

test('rules: a Service, host names, a valid path, a Gateway to attach to', () => {
  assert.equal(ruleProblems(httpRoute, on), []);
  const found = ruleProblems(httpRoute, { ...base({ httpRoute: { enabled: true, path: '/a#b' } }), service: {} }).join('\n');
  assert.match(found, /^httpRoute\.enabled: needs a Service/m);
  assert.match(found, /^httpRoute\.hostnames: required when httpRoute\.enabled is true$/m);
  assert.match(found, /^httpRoute\.path: must not contain '#'/m);
  assert.match(found, /^httpRoute\.parentRefs: required unless httpRoute\.gateway\.create is true/m);
  assert.equal(ruleProblems(httpRoute, base({ httpRoute: { enabled: false } })), []);
});

test('values: the httpRoute section while on, none while off', () => {
  assertValues(httpRoute, ['httpRoute'], on, base());
});

test('files: templates/httproute.yaml while on, not while off', () => {
  assert.equal(planPaths(httpRoute), ['templates/httproute.yaml']);
  assertFiles(['templates/httproute.yaml'], on, base());
});

test.run();
