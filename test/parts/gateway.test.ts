// The gateway part (httpRoute.gateway: a Gateway of the chart's own) through its own interface.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accepted, assertFiles, base, modelOf, partNamed, planPaths, refusedAt, ruleProblems } from '../support/parts.ts';

const gateway = partNamed('gateway');
const own = (extra: Record<string, unknown> = {}) =>
  base({ httpRoute: { enabled: true, hostnames: ['shop.example.com'], gateway: { create: true, className: 'istio', tls: { issuer: 'letsencrypt' } }, ...extra } });
const shared = base({ httpRoute: { enabled: true, hostnames: ['shop.example.com'], parentRefs: [{ name: 'shared' }] } });

test('schema: an answer of the wrong shape is refused by its path', () => {
  accepted(own());
  refusedAt(own({ gateway: { create: 'yes', className: 'istio', tls: { issuer: 'le' } } }), 'httpRoute.gateway.create', /must be a boolean/);
  refusedAt(own({ gateway: { create: true, className: 'Not Valid', tls: { issuer: 'le' } } }), 'httpRoute.gateway.className');
  refusedAt(own({ gateway: { create: true, className: 'istio', tls: { issuer: 'le', issuerKind: 'Vault' } } }), 'httpRoute.gateway.tls.issuerKind', /must be one of/);
});

test('model: the Gateway part reads its answers under httpRoute.gateway', () => {
  assert.equal(modelOf(own()).httpRoute.gateway, { create: true, className: 'istio', issuer: 'letsencrypt', issuerKind: 'ClusterIssuer' });
  assert.is(modelOf(shared).httpRoute.gateway.create, false);
});

test('rules: a class and an issuer for its own Gateway, no parentRefs beside it, no settings without create', () => {
  assert.equal(ruleProblems(gateway, own()), []);
  const found = ruleProblems(gateway, base({ httpRoute: { enabled: true, hostnames: ['a.example.com'], parentRefs: [{ name: 'gw' }], gateway: { create: true } } })).join('\n');
  assert.match(found, /^httpRoute\.parentRefs: not with httpRoute\.gateway\.create/m);
  assert.match(found, /^httpRoute\.gateway\.className: required when httpRoute\.gateway\.create is true/m);
  assert.match(found, /^httpRoute\.gateway\.tls\.issuer: required when httpRoute\.gateway\.create is true/m);
  const withAcme = base({ httpRoute: { enabled: true, hostnames: ['a.example.com'], gateway: { create: true, className: 'istio' } }, acmeIssuer: { email: 'ops@example.com' } });
  assert.equal(ruleProblems(gateway, withAcme), [], "the chart's own ACME issuer stands in for tls.issuer");
  assert.equal(ruleProblems(gateway, { ...shared, httpRoute: { ...(shared.httpRoute as object), gateway: { className: 'istio' } } }), [
    'httpRoute.gateway: only with httpRoute.gateway.create: true',
  ]);
});

test('files: templates/gateway.yaml only for a Gateway of its own', () => {
  assert.equal(planPaths(gateway), ['templates/gateway.yaml']);
  assertFiles(['templates/gateway.yaml'], own(), shared);
});

test.run();
