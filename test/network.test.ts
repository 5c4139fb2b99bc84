// Networking that behaves on a real cluster: paths the API server accepts, certificates that can
// be issued, ports that say their protocol, probes that follow the port, and NetworkPolicies that
// admit the real traffic source. Each chart is generated fresh and rendered by real Helm.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { helms, helmTemplate } from './support/helm.ts';
import { validateAnswers, formatProblems } from '../src/answers/validate.ts';
import { generate } from '../src/generate.ts';
import { applyChanges } from '../src/write.ts';

const binaries = await helms();
const helm4 = binaries.find((binary) => binary.name === 'helm4')!;

const BASE = { name: 'app', image: { repository: 'ghcr.io/acme/app', tag: '1.0.0' }, service: { port: 8080 } };

/** Writes the chart of these answers (merged over BASE) to a fresh folder and returns it. */
function chart(answers: Record<string, unknown>): string {
  const generation = generate({ ...BASE, ...answers });
  assert.ok(generation.ok, generation.ok ? '' : formatProblems(generation.problems));
  if (!generation.ok) throw new Error('unreachable');
  const dir = join(mkdtempSync(join(tmpdir(), 'k8s-chart-net-')), generation.model.name);
  applyChanges(dir, generation.files);
  return dir;
}

function render(dir: string, set: string[] = [], helm = helm4) {
  const rendered = helmTemplate(helm.bin, dir, { set, releaseName: 'rel' });
  assert.ok(rendered.ok, rendered.output);
  const all = (kind: string) => rendered.docs.filter((doc) => doc.kind === kind);
  return { docs: rendered.docs, all, find: (kind: string) => all(kind)[0] };
}

function refused(dir: string, set: string[], message: RegExp) {
  for (const helm of binaries) {
    const rendered = helmTemplate(helm.bin, dir, { set, releaseName: 'rel' });
    assert.not.ok(rendered.ok, `${helm.version} renders ${set.join(' ')}`);
    assert.match(rendered.output, message);
  }
}

function problems(answers: Record<string, unknown>): string[] {
  const result = validateAnswers({ ...BASE, ...answers });
  return result.ok ? [] : formatProblems(result.problems).split('\n');
}

// ---------------------------------------------------------------------------------------------
// Paths

const ingress = (path: string, pathType?: string) => ({ ingress: { enabled: true, host: 'a.example.com', path, ...(pathType ? { pathType } : {}) } });
const route = (path: string) => ({ httpRoute: { enabled: true, hostnames: ['a.example.com'], path, parentRefs: [{ name: 'gw' }] } });

test('Ingress paths the API server refuses are refused, with the field named', () => {
  for (const [path, message] of [
    ['/a//b', "must not contain '//'"],
    ['/a/./b', "must not contain '/./'"],
    ['/a/../b', "must not contain '/../'"],
    ['/a%2fb', "must not contain '%2f'"],
    ['/a%2Fb', "must not contain '%2F'"],
    ['/a/.', "must not end with '/.'"],
    ['/a/..', "must not end with '/..'"],
  ] as const) {
    assert.equal(problems(ingress(path)), [`ingress.path: ${message} (the API server refuses it)`], path);
  }
  assert.equal(problems(ingress('/a//b', 'ImplementationSpecific')), [], 'ImplementationSpecific paths are the controller\'s');
  assert.equal(problems(ingress('/api/v1.2/..x')), []);
  assert.equal(problems(ingress('relative')), ['ingress.path: must be an absolute URL path starting with "/"']);
});

test('HTTPRoute paths follow the Gateway API validation', () => {
  for (const [path, message] of [
    ['/a//b', "must not contain '//'"],
    ['/a#b', "must not contain '#'"],
    ['/a/..', "must not end with '/..'"],
  ] as const) {
    assert.equal(problems(route(path)), [`httpRoute.path: ${message} (the API server refuses it)`], path);
  }
  assert.match(problems(route('/a?b')).join('\n'), /^httpRoute\.path: must hold only the characters a Gateway API path admits/);
  assert.match(problems(route('/caf\u00e9')).join('\n'), /^httpRoute\.path: must hold only/);
  assert.equal(problems(route("/a-b_c.d~e!$&'()*+,;=:@/%20")), []);
});

test('paths set in values are checked as the API server checks them', () => {
  const dir = chart({ ...ingress('/'), httpRoute: route('/').httpRoute });
  render(dir, ['ingress.hosts[0].host=a.example.com', 'ingress.hosts[0].paths[0].path=/ok/v1.2']);
  refused(dir, ['ingress.hosts[0].host=a.example.com', 'ingress.hosts[0].paths[0].path=/x/..'], /ingress\.hosts\[0\]\.paths\[0\]\.path: "\/x\/\.\." must not end with '\/\.\.'/);
  refused(dir, ['ingress.hosts[0].host=a.example.com', 'ingress.hosts[0].paths[0].path=x'], /ingress.hosts.0.paths.0.path/);
  refused(dir, ['httpRoute.rules[0].matches[0].path.value=/a#b'], /httpRoute\.rules\[0\]\.matches\[0\]\.path\.value: "\/a#b" must not contain '#'/);
  refused(dir, ['httpRoute.rules[0].matches[0].path.value=/a?b'], /httpRoute\.rules\[0\]\.matches\[0\]\.path\.value: "\/a\?b" must hold only the characters/);
  render(dir, ['httpRoute.rules[0].matches[0].path.type=RegularExpression', 'httpRoute.rules[0].matches[0].path.value=/a.*']);
});

// ---------------------------------------------------------------------------------------------
// Certificates

const ACME = { acmeIssuer: { email: 'ops@example.com' } };
const ownGateway = (hostnames: string[], tls: Record<string, unknown> = {}) => ({
  httpRoute: { enabled: true, hostnames, gateway: { create: true, className: 'istio', tls } },
});

test("a wildcard host with the chart's own HTTP-01 issuer is refused, with the field named", () => {
  const wildcardIngress = { ingress: { enabled: true, host: '*.example.com', tls: { enabled: true } } };
  assert.equal(problems({ ...wildcardIngress, ...ACME }), [
    "ingress.host: is a wildcard, and the chart's acmeIssuer solves HTTP-01, which cannot issue wildcards (only DNS-01 can): set ingress.tls.issuer to a DNS-01 issuer",
  ]);
  assert.equal(problems({ ingress: { ...wildcardIngress.ingress, tls: { enabled: true, issuer: 'dns01' } }, ...ACME }), []);
  assert.equal(problems({ ...ownGateway(['docs.example.com', '*.example.com']), ...ACME }), [
    "httpRoute.hostnames[1]: is a wildcard, and the chart's acmeIssuer solves HTTP-01, which cannot issue wildcards (only DNS-01 can): set httpRoute.gateway.tls.issuer to a DNS-01 issuer",
  ]);
  assert.equal(problems({ ...ownGateway(['*.example.com'], { issuer: 'dns01' }), ...ACME }), []);
  // The same in values: a wildcard set at install time.
  const dir = chart({ ingress: { enabled: true, host: 'a.example.com', tls: { enabled: true } }, ...ownGateway(['docs.example.com']), ...ACME });
  refused(dir, ['ingress.hosts[0].host=*.example.com', 'ingress.hosts[0].paths[0].path=/'], /ingress\.hosts\[0\]\.host: \*\.example\.com is a wildcard/);
  refused(dir, ['httpRoute.hostnames[0]=*.example.com'], /httpRoute\.hostnames\[0\]: \*\.example\.com is a wildcard/);
  render(dir, ['httpRoute.hostnames[0]=*.example.com', 'httpRoute.gateway.issuer=dns01']);
});

test('listener names and certificate Secrets follow the host name: reordering swaps nothing', () => {
  const dir = chart({ ...ownGateway(['docs.example.com', 'api.example.com']), ...ACME });
  const listeners = (set: string[]) => {
    const { all } = render(dir, set);
    const gateway = all('Gateway')[0];
    const route = all('HTTPRoute').find((r: any) => !r.metadata.name.endsWith('-redirect'));
    const byHost = Object.fromEntries(
      gateway.spec.listeners.filter((l: any) => l.protocol === 'HTTPS').map((l: any) => [l.hostname, [l.name, l.tls.certificateRefs[0].name]]),
    );
    const names = new Set(gateway.spec.listeners.map((l: any) => l.name));
    for (const ref of route.spec.parentRefs) assert.ok(names.has(ref.sectionName), `the route attaches to listener ${ref.sectionName}`);
    return byHost;
  };
  const before = listeners([]);
  assert.equal(before, {
    'docs.example.com': ['https-docs.example.com', 'rel-app-tls-docs.example.com'],
    'api.example.com': ['https-api.example.com', 'rel-app-tls-api.example.com'],
  });
  assert.equal(listeners(['httpRoute.hostnames[0]=api.example.com', 'httpRoute.hostnames[1]=docs.example.com']), before);
  const wild = listeners(['httpRoute.hostnames[0]=*.example.com', 'httpRoute.hostnames[1]=a-very-long-host-name-for-a-secret.example.com', 'httpRoute.gateway.issuer=dns01']);
  assert.equal(wild['*.example.com'], ['https-wildcard.example.com', 'rel-app-tls-wildcard.example.com']);
  const [, secret] = wild['a-very-long-host-name-for-a-secret.example.com']!;
  assert.match(secret!, /^rel-app-tls-[0-9a-f]{16}$/);
});

test.run();
