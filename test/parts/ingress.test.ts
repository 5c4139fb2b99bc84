// The ingress part through its own interface: its answers, defaults, rules, values and file.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accepted, assertFiles, assertValues, base, modelOf, partNamed, planPaths, refusedAt, ruleProblems } from '../support/parts.ts';

const ingress = partNamed('ingress');
const on = base({ ingress: { enabled: true, host: 'shop.example.com' } });

test('schema: an answer of the wrong shape is refused by its path', () => {
  accepted(on);
  refusedAt(base({ ingress: { enabled: true, host: 'Not A Host' } }), 'ingress.host');
  refusedAt(base({ ingress: { enabled: 'yes', host: 'shop.example.com' } }), 'ingress.enabled', /must be a boolean/);
  refusedAt(base({ ingress: { enabled: true, host: 'shop.example.com', pathType: 'Glob' } }), 'ingress.pathType', /must be one of Prefix/);
  refusedAt(base({ ingress: { enabled: true, host: 'shop.example.com', hosts: [] } }), 'ingress.hosts', /unknown key; did you mean host/);
});

test('model: a path of / matched as a prefix, the default class, no TLS', () => {
  const { ingress: model } = modelOf(on);
  assert.equal([model.enabled, model.path, model.pathType, model.className, model.tls.enabled], [true, '/', 'Prefix', '', false]);
  assert.is(model.tls.issuerKind, 'ClusterIssuer');
  assert.is(modelOf(base()).ingress.enabled, false, 'off unless asked');
});

test('rules: a host, a Service, a path that fits its type, an issuer for TLS', () => {
  assert.equal(ruleProblems(ingress, on), []);
  assert.ok(ruleProblems(ingress, base({ ingress: { enabled: true } })).includes('ingress.host: required when ingress.enabled is true'));
  assert.match(ruleProblems(ingress, { ...on, service: {} }).join('\n'), /^ingress\.enabled: needs a Service: set service\.port/m);
  assert.match(ruleProblems(ingress, base({ ingress: { enabled: true, host: 'a.example.com', path: '/a//b', pathType: 'Exact' } })).join('\n'), /^ingress\.path: must not contain '\/\/'/m);
  const tls = base({ ingress: { enabled: true, host: 'a.example.com', tls: { enabled: true } } });
  assert.match(ruleProblems(ingress, tls).join('\n'), /^ingress\.tls\.issuer: required when ingress\.tls\.enabled is true/m);
  assert.equal(ruleProblems(ingress, { ...tls, acmeIssuer: { email: 'ops@example.com' } }), [], "the chart's own issuer will do");
  assert.equal(ruleProblems(ingress, base({ ingress: { enabled: false } })), [], 'an Ingress switched off asks for nothing');
});

test('values: the ingress section while on, none while off', () => {
  assertValues(ingress, ['ingress'], on, base());
});

test('files: templates/ingress.yaml while on, not while off', () => {
  assert.equal(planPaths(ingress), ['templates/ingress.yaml']);
  assertFiles(['templates/ingress.yaml'], on, base());
});

test.run();
