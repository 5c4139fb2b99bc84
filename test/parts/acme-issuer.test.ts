// The acmeIssuer part (an ACME issuer of the chart's own) through its own interface.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accepted, assertFiles, assertValues, base, modelOf, partNamed, planPaths, refusedAt, ruleProblems } from '../support/parts.ts';
import { LETS_ENCRYPT } from '../../src/parts/acme-issuer/model.ts';

const acmeIssuer = partNamed('acmeIssuer');
const tlsIngress = (host = 'shop.example.com') => ({ ingress: { enabled: true, host, tls: { enabled: true } } });
const on = base({ ...tlsIngress(), acmeIssuer: { email: 'ops@example.com' } });
const off = base({ ingress: { enabled: true, host: 'shop.example.com', tls: { enabled: true, issuer: 'letsencrypt' } } });

test('schema: an answer of the wrong shape is refused by its path', () => {
  accepted(on);
  refusedAt(base({ ...tlsIngress(), acmeIssuer: {} }), 'acmeIssuer.email', /required/);
  refusedAt(base({ ...tlsIngress(), acmeIssuer: { email: 'ops@example.com', server: 'http://acme.example.com' } }), 'acmeIssuer.server', /must be an https:\/\/ URL/);
  refusedAt(base({ ...tlsIngress(), acmeIssuer: { email: 'ops@example.com', kind: 'Vault' } }), 'acmeIssuer.kind', /must be one of Issuer, ClusterIssuer/);
});

test("model: Let's Encrypt's production directory, a namespaced Issuer", () => {
  assert.equal(modelOf(on).acmeIssuer, { enabled: true, email: 'ops@example.com', server: LETS_ENCRYPT, kind: 'Issuer' });
  assert.is(modelOf(off).acmeIssuer.enabled, false);
});

test('rules: something must use it, and HTTP-01 issues no wildcard', () => {
  assert.equal(ruleProblems(acmeIssuer, on), []);
  assert.equal(ruleProblems(acmeIssuer, base({ acmeIssuer: { email: 'ops@example.com' } })), [
    'acmeIssuer: nothing would use it: it issues for ingress.tls or an own Gateway (httpRoute.gateway.create)',
  ]);
  assert.match(ruleProblems(acmeIssuer, base({ ...tlsIngress('*.example.com'), acmeIssuer: { email: 'ops@example.com' } })).join('\n'), /^ingress\.host: is a wildcard/m);
  const route = { httpRoute: { enabled: true, hostnames: ['a.example.com', '*.example.com'], gateway: { create: true, className: 'istio' } } };
  assert.match(ruleProblems(acmeIssuer, base({ ...route, acmeIssuer: { email: 'ops@example.com' } })).join('\n'), /^httpRoute\.hostnames\[1\]: is a wildcard/m);
});

test('values: the acmeIssuer section while it is set, none otherwise', () => {
  assertValues(acmeIssuer, ['acmeIssuer'], on, off);
});

test('files: templates/acme-issuer.yaml while it is set', () => {
  assert.equal(planPaths(acmeIssuer), ['templates/acme-issuer.yaml']);
  assertFiles(['templates/acme-issuer.yaml'], on, off);
});

test.run();
