// The networkPolicy part through its own interface: its answers, defaults, rules, values and files.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accepted, assertFiles, assertValues, base, modelOf, partNamed, planPaths, refusedAt, ruleProblems } from '../support/parts.ts';

const networkPolicy = partNamed('networkPolicy');
const ingress = { enabled: true, host: 'shop.example.com' };
const cilium = base({ ingress, networkPolicy: { ingressController: 'cilium' } });

test('schema: an answer of the wrong shape is refused by its path', () => {
  accepted(cilium);
  refusedAt(base({ ingress, networkPolicy: { ingressController: 'apache' } }), 'networkPolicy.ingressController', /must be one of/);
  refusedAt(base({ ingress, networkPolicy: { ingressFrom: [{}] } }), 'networkPolicy.ingressFrom[0]');
  refusedAt(base({ ingress, networkPolicy: { ingressFrom: [{ ipBlock: { cidr: '10.0.0.0/8' }, hosts: [] }] } }), 'networkPolicy.ingressFrom[0].hosts');
});

test('model: on by default, no controller named, no peers', () => {
  assert.equal(modelOf(base()).networkPolicy, { enabled: true, ingressNamespace: '' });
  assert.equal(modelOf(cilium).networkPolicy.ingressController, 'cilium');
  assert.is(modelOf(base({ networkPolicy: { enabled: false } })).networkPolicy.enabled, false);
});

test('rules: a controller that serves what the chart routes, and something routed', () => {
  assert.equal(ruleProblems(networkPolicy, cilium), []);
  assert.match(ruleProblems(networkPolicy, base({ ingress, networkPolicy: { ingressController: 'envoy-gateway' } })).join('\n'), /^networkPolicy\.ingressController: envoy-gateway serves no Ingress objects/m);
  const route = { enabled: true, hostnames: ['a.example.com'], parentRefs: [{ name: 'gw' }] };
  assert.match(ruleProblems(networkPolicy, base({ httpRoute: route, networkPolicy: { ingressController: 'ingress-nginx' } })).join('\n'), /^networkPolicy\.ingressController: ingress-nginx implements no Gateway API/m);
  assert.equal(ruleProblems(networkPolicy, base({ networkPolicy: { ingressController: 'traefik' } })), [
    'networkPolicy.ingressController: only with ingress.enabled or httpRoute.enabled: nothing routes traffic to the pods',
  ]);
  assert.equal(ruleProblems(networkPolicy, base({ networkPolicy: { ingressController: 'traefik', ingressFrom: [{ podSelector: {} }] } })), [], 'peers given: the controller is not read');
});

test('values: the networkPolicy section always (it may be switched off in values)', () => {
  assertValues(networkPolicy, ['networkPolicy'], base());
  assertValues(networkPolicy, ['networkPolicy'], base({ networkPolicy: { enabled: false } }));
});

test("files: the NetworkPolicy always; Cilium's own policy for Cilium's proxies", () => {
  assert.equal(planPaths(networkPolicy), ['templates/networkpolicy.yaml', 'templates/cilium-networkpolicy.yaml']);
  assertFiles(['templates/networkpolicy.yaml'], base());
  assertFiles(['templates/cilium-networkpolicy.yaml'], cilium, base({ ingress, networkPolicy: { ingressController: 'traefik' } }));
});

test.run();
