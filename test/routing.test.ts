// Gateway API routing, beside or instead of an Ingress, checked on what real Helm renders.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { helms, helmTemplate } from './support/helm.ts';
import { freshChart } from './support/fresh-charts.ts';
import { validateAnswers, formatProblems } from '../src/answers/validate.ts';

const binaries = await helms();

function render(chart: string, set: string[] = [], helm = binaries[1]!) {
  const rendered = helmTemplate(helm.bin, freshChart(chart), { set, releaseName: 'rel' });
  assert.ok(rendered.ok, rendered.output);
  const all = (kind: string) => rendered.docs.filter((doc) => doc.kind === kind);
  return { all, find: (kind: string) => all(kind)[0] };
}

test('a shared Gateway: the route attaches to it and sends traffic to the Service port', () => {
  for (const helm of binaries) {
    const { find, all } = render('storefront', [], helm);
    const route = find('HTTPRoute');
    const service = find('Service');
    assert.is(route.apiVersion, 'gateway.networking.k8s.io/v1');
    assert.equal(route.spec.parentRefs, [{ name: 'public', namespace: 'gateway-system', sectionName: 'https' }]);
    assert.equal(route.spec.hostnames, ['shop.example.com', 'www.shop.example.com']);
    assert.equal(route.spec.rules[0].matches, [{ path: { type: 'PathPrefix', value: '/' } }]);
    assert.equal(route.spec.rules[0].backendRefs, [{ name: service.metadata.name, port: service.spec.ports[0].port }]);
    assert.is(all('Gateway').length, 0, 'the platform owns the Gateway');
    assert.ok(find('Ingress'), 'beside the Ingress');
    const peers = find('NetworkPolicy').spec.ingress[0].from;
    assert.ok(
      peers.some((peer: any) => peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'gateway-system'),
      "the NetworkPolicy admits the gateway's namespace",
    );
  }
});

test("the chart's own Gateway: HTTPS per host with cert-manager certificates, HTTP only redirects", () => {
  const { find, all } = render('docs-site', ['httpRoute.hostnames[0]=docs.example.com', 'httpRoute.hostnames[1]=api.example.com']);
  const gateway = find('Gateway');
  assert.is(gateway.spec.gatewayClassName, 'istio');
  // The chart's own ACME ClusterIssuer, named after namespace and release, solving through the Gateway.
  assert.is(gateway.metadata.annotations['cert-manager.io/cluster-issuer'], 'default-rel-docs-site-acme');
  const issuer = find('ClusterIssuer');
  assert.is(issuer.metadata.name, 'default-rel-docs-site-acme');
  assert.is(issuer.spec.acme.email, 'ops@example.com');
  assert.equal(issuer.spec.acme.solvers[0].http01.gatewayHTTPRoute.parentRefs, [
    { name: gateway.metadata.name, namespace: 'default', kind: 'Gateway', sectionName: 'http' },
  ]);
  const listeners = gateway.spec.listeners;
  assert.equal(listeners.map((l: any) => [l.name, l.protocol, l.port, l.hostname]), [
    ['http', 'HTTP', 80, undefined],
    ['https-docs.example.com', 'HTTPS', 443, 'docs.example.com'],
    ['https-api.example.com', 'HTTPS', 443, 'api.example.com'],
  ]);
  for (const listener of listeners.slice(1)) {
    assert.is(listener.tls.mode, 'Terminate');
    assert.is(listener.tls.certificateRefs[0].name, `rel-docs-site-tls-${listener.hostname}`);
  }
  const routes = all('HTTPRoute');
  const redirect = routes.find((r: any) => r.metadata.name.endsWith('-redirect'));
  const app = routes.find((r: any) => !r.metadata.name.endsWith('-redirect'));
  assert.equal(redirect.spec.parentRefs, [{ name: gateway.metadata.name, sectionName: 'http' }]);
  assert.equal(redirect.spec.rules[0].filters, [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }]);
  assert.equal(app.spec.parentRefs.map((p: any) => p.sectionName), ['https-docs.example.com', 'https-api.example.com']);
  assert.is(app.spec.rules[0].backendRefs[0].name, find('Service').metadata.name);
  const named = render('docs-site', ['httpRoute.gateway.issuer=letsencrypt-prod', 'httpRoute.gateway.issuerKind=Issuer']).find('Gateway');
  assert.equal(named.metadata.annotations, { 'cert-manager.io/issuer': 'letsencrypt-prod' });
});

test('rendered by helm template with no cluster: no Capabilities gating drops the route', () => {
  const rendered = helmTemplate(binaries[0]!.bin, freshChart('docs-site'), { kubeVersion: '1.28.0' });
  assert.ok(rendered.ok, rendered.output);
  assert.ok(rendered.docs.some((doc) => doc.kind === 'HTTPRoute'));
  assert.ok(rendered.docs.some((doc) => doc.kind === 'Gateway'));
});

function rejects(title: string, httpRoute: Record<string, unknown>, expected: string[]) {
  test(`invalid: ${title}`, () => {
    const result = validateAnswers({
      name: 'app',
      image: { repository: 'ghcr.io/acme/app', tag: '1.0.0' },
      service: { port: 8080 },
      httpRoute: { enabled: true, ...httpRoute },
    });
    assert.equal(result.ok ? [] : formatProblems(result.problems).split('\n'), expected);
  });
}

rejects('no hostnames', { parentRefs: [{ name: 'public' }] }, ['httpRoute.hostnames: required when httpRoute.enabled is true']);
rejects('a hostname that is no DNS name', { hostnames: ['Shop.Example.com'], parentRefs: [{ name: 'public' }] }, [
  'httpRoute.hostnames[0]: must be a lowercase DNS name such as shop.example.com (a leading "*." is allowed)',
]);
rejects('neither a parentRef nor an own Gateway', { hostnames: ['a.example.com'] }, [
  'httpRoute.parentRefs: required unless httpRoute.gateway.create is true (the shared Gateway to attach to)',
]);
rejects('an own Gateway without its class and issuer', { hostnames: ['a.example.com'], gateway: { create: true } }, [
  'httpRoute.gateway.className: required when httpRoute.gateway.create is true (the GatewayClass, e.g. istio or cilium)',
  'httpRoute.gateway.tls.issuer: required when httpRoute.gateway.create is true (the cert-manager issuer of its HTTPS listeners)',
]);
rejects('a parentRef without a name', { hostnames: ['a.example.com'], parentRefs: [{ namespace: 'gw' }] }, ['httpRoute.parentRefs[0].name: required']);

test.run();
