// Networking that behaves on a real cluster: paths the API server accepts, certificates that can
// be issued, ports that say their protocol, probes that follow the port, and NetworkPolicies that
// admit the real traffic source. Each chart is generated fresh and rendered by real Helm.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { helms, helmTemplate, runHelm } from './support/helm.ts';
import { validateAnswers, formatProblems } from '../src/answers/validate.ts';
import { generate } from '../src/generate.ts';
import { applyChanges } from '../src/write.ts';
import { answersFile, runBin, tempDir } from './support/bin.ts';
import { assertValidEverywhere } from './support/fresh-chart.ts';

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

// ---------------------------------------------------------------------------------------------
// Ports and probes

function ports(dir: string, set: string[] = []) {
  const { find, all } = render(dir, set);
  const service = all('Service').find((s: any) => s.spec.clusterIP !== 'None');
  const container = (find('Deployment') ?? find('StatefulSet')).spec.template.spec.containers[0];
  return { service, container, policy: find('NetworkPolicy'), test: all('Pod')[0] };
}

test('http (the default): the port is named http, with no appProtocol, as before', () => {
  const { service, container, policy } = ports(chart({}));
  assert.equal(service.spec.ports, [{ name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' }]);
  assert.equal(container.ports, [{ name: 'http', containerPort: 8080, protocol: 'TCP' }]);
  assert.equal(policy.spec.ingress[0].ports, [{ port: 'http', protocol: 'TCP' }]);
});

test('each protocol names the port with its Istio prefix and sets appProtocol', () => {
  for (const [protocol, name, appProtocol] of [
    ['http2', 'http2', 'http2'],
    ['h2c', 'http2', 'kubernetes.io/h2c'],
    ['grpc', 'grpc', 'grpc'],
    ['tcp', 'tcp', 'tcp'],
    ['tls', 'tls', 'tls'],
  ] as const) {
    const { service, container, policy } = ports(chart({ service: { port: 5432, protocol } }));
    assert.equal(service.spec.ports, [{ name, port: 5432, targetPort: name, protocol: 'TCP', appProtocol }], protocol);
    assert.is(container.ports[0].name, name);
    assert.is(policy.spec.ingress[0].ports[0].port, name, 'the NetworkPolicy admits the named port');
    assert.is(container.livenessProbe.tcpSocket.port, name, 'the probe checks the named port');
  }
  const headless = render(chart({ workload: { kind: 'StatefulSet' }, service: { port: 5432, protocol: 'tcp' } })).all('Service').find((s: any) => s.spec.clusterIP === 'None');
  assert.equal(headless.spec.ports, [{ name: 'tcp', port: 5432, targetPort: 'tcp', protocol: 'TCP', appProtocol: 'tcp' }]);
  assert.equal(problems({ service: { port: 5432, protocol: 'tcp' }, ingress: { enabled: true, host: 'a.example.com' } }), [
    'ingress.enabled: routes HTTP, and service.protocol is tcp: expose it with a LoadBalancer or NodePort service.type instead',
  ]);
  assert.equal(problems({ service: { port: 1, protocol: 'udp' } }), ['service.protocol: must be one of http, http2, h2c, grpc, grpc-web, https, tls, tcp']);
  for (const key of ['constructor', '__proto__', 'toString']) {
    const protocolProblems = problems({ service: { port: 1, protocol: key }, ingress: { enabled: true, host: 'a.example.com' } });
    assert.equal(protocolProblems, ['service.protocol: must be one of http, http2, h2c, grpc, grpc-web, https, tls, tcp'], key);
    const controllerProblems = problems({ ...ingressOn, networkPolicy: { ingressController: key } });
    assert.equal(controllerProblems.length, 1, controllerProblems.join('\n'));
    assert.match(controllerProblems[0]!, /^networkPolicy\.ingressController: must be one of /);
  }
});

test('the Service port can differ from the container port: 80 in front of 8080', () => {
  const dir = chart({ service: { port: 8080, servicePort: 80 }, ...route('/') });
  const { service, container, test: check } = ports(dir);
  assert.equal(service.spec.ports, [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }]);
  assert.is(container.ports[0].containerPort, 8080);
  assert.is(check.spec.containers[0].command.at(-1), '80', 'helm test connects to the Service port');
  const backend = render(dir).find('HTTPRoute').spec.rules[0].backendRefs[0];
  assert.is(backend.port, 80, 'the HTTPRoute sends to the Service port');
  // Without servicePort the Service follows the container port, also when it changes in values.
  const same = ports(chart({}), ['service.port=9090']);
  assert.is(same.service.spec.ports[0].port, 9090);
  assert.equal(problems({ service: { servicePort: 80 } as never, workload: { livenessCommand: ['true'] } }), [
    'service.servicePort: only with service.port (the container port): a worker listens on no port',
  ]);
});

test('probes follow the container port when service.port changes in values', () => {
  const grpc = chart({ service: { port: 9000, protocol: 'grpc' }, probes: { liveness: { type: 'grpc' }, readiness: { type: 'grpc', service: 'ready' } } });
  for (const helm of binaries) {
    const rendered = helmTemplate(helm.bin, grpc, { set: ['service.port=9443'] });
    assert.ok(rendered.ok, rendered.output);
    const container = rendered.docs.find((d) => d.kind === 'Deployment').spec.template.spec.containers[0];
    assert.is(container.ports[0].containerPort, 9443);
    assert.equal(container.livenessProbe.grpc, { port: 9443 }, `${helm.version}: the gRPC probe checks the new port`);
    assert.equal(container.readinessProbe.grpc, { port: 9443, service: 'ready' });
  }
  const pinned = ports(grpc, ['livenessProbe.grpc.port=7000']).container;
  assert.equal(pinned.livenessProbe.grpc, { port: 7000 }, 'a port set in values wins');
  const http = ports(chart({ probes: { liveness: { type: 'http', path: '/healthz' } } }), ['service.port=9090']).container;
  const named = http.ports.find((p: any) => p.name === http.livenessProbe.httpGet.port);
  assert.is(named?.containerPort, 9090, 'the http probe names the container port');
  const tcp = ports(chart({}), ['service.port=9090']).container;
  assert.is(tcp.ports.find((p: any) => p.name === tcp.readinessProbe.tcpSocket.port)?.containerPort, 9090);
});

// ---------------------------------------------------------------------------------------------
// NetworkPolicy: the real traffic source

const nsPeer = (namespace: string) => ({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } } });
const ALL = { namespaceSelector: {} };
const ingressOn = { ingress: { enabled: true, host: 'a.example.com' } };
const sharedGateway = { httpRoute: { enabled: true, hostnames: ['a.example.com'], parentRefs: [{ name: 'public', namespace: 'gateway-system' }] } };

/** The `from` peers of the service port, beside the chart's own (same namespace, helm test). */
function sources(dir: string, set: string[] = []) {
  const { find, all } = render(dir, set);
  const from = find('NetworkPolicy').spec.ingress[0].from as any[];
  const own = from.filter((peer) => peer.podSelector && !peer.namespaceSelector);
  assert.is(own.length, 2, 'same namespace and the helm test pod');
  return { peers: from.filter((peer) => !own.includes(peer)), cilium: all('CiliumNetworkPolicy') };
}

test('a known controller admits the namespace its proxies run in by default', () => {
  for (const [controller, expected] of [
    ['ingress-nginx', [nsPeer('ingress-nginx')]],
    ['nginx-ingress', [nsPeer('nginx-ingress')]],
    ['traefik', [nsPeer('traefik')]],
    ['haproxy', [nsPeer('haproxy-controller')]],
    ['contour', [nsPeer('projectcontour')]],
    ['kong', [nsPeer('kong')]],
    ['istio', [nsPeer('istio-system')]],
  ] as const) {
    assert.equal(sources(chart({ ...ingressOn, networkPolicy: { ingressController: controller } })).peers, expected, controller);
  }
  // Gateway API: where each implementation runs the proxies of a shared Gateway.
  for (const [controller, expected] of [
    ['istio', [nsPeer('gateway-system')]],
    ['contour', [nsPeer('gateway-system')]],
    ['nginx-gateway-fabric', [nsPeer('gateway-system')]],
    ['envoy-gateway', [nsPeer('envoy-gateway-system')]],
    ['kong', [nsPeer('kong')]],
  ] as const) {
    assert.equal(sources(chart({ ...sharedGateway, networkPolicy: { ingressController: controller } })).peers, expected, controller);
  }
  // Traefik on k3s runs in kube-system: the namespace answer overrides the controller's default.
  assert.equal(sources(chart({ ...ingressOn, networkPolicy: { ingressController: 'traefik', ingressNamespace: 'kube-system' } })).peers, [nsPeer('kube-system')]);
  assert.equal(sources(chart({ ...ingressOn, networkPolicy: { ingressFrom: [nsPeer('edge'), { ipBlock: { cidr: '10.1.0.0/16' } }] } })).peers, [nsPeer('edge'), { ipBlock: { cidr: '10.1.0.0/16' } }]);
  assert.equal(problems({ ...ingressOn, networkPolicy: { ingressController: 'envoy-gateway' } }), [
    'networkPolicy.ingressController: envoy-gateway serves no Ingress objects (ingress.enabled is true): set networkPolicy.ingressFrom to the sources of both',
  ]);
  assert.equal(problems({ networkPolicy: { ingressController: 'istio' } }), [
    'networkPolicy.ingressController: only with ingress.enabled or httpRoute.enabled: nothing routes traffic to the pods',
  ]);
});

test('no source named: all namespaces, one warning on stderr naming networkPolicy.ingressFrom, and NOTES says it', () => {
  for (const answers of [{ ...ingressOn, ingress: { ...ingressOn.ingress, className: 'nginx' } }, sharedGateway]) {
    const dir = chart(answers);
    assert.equal(sources(dir).peers, [ALL], 'never a guessed namespace called ingress');
    const notes = runNotes(dir);
    assert.match(notes, 'The NetworkPolicy admits the service port from all namespaces');
    assert.not.match(runNotes(dir, ['networkPolicy.ingressFrom[0].namespaceSelector.matchLabels.team=edge']), 'from all namespaces');
  }
  const output = tempDir();
  const file = answersFile(`name: app\nimage: {repository: ghcr.io/acme/app, tag: "1.0.0"}\nservice: {port: 8080}\ningress: {enabled: true, host: a.example.com, className: nginx}\n`);
  const run = runBin(['--answers', file, '--output', output]);
  assert.is(run.status, 0, run.stderr);
  const warnings = run.stderr.split('\n').filter((line) => line.includes('networkPolicy.ingressFrom'));
  assert.is(warnings.length, 1, run.stderr);
  assert.match(warnings[0]!, /warning: networkPolicy\.ingressFrom: .*all namespaces/);
  const named = runBin(['--answers', answersFile(`name: app\nimage: {repository: ghcr.io/acme/app, tag: "1.0.0"}\nservice: {port: 8080}\ningress: {enabled: true, host: a.example.com}\nnetworkPolicy: {ingressController: ingress-nginx}\n`), '--output', tempDir()]);
  assert.is(named.status, 0, named.stderr);
  assert.is(named.stderr, '', 'no warning once the controller is named');
});

/** NOTES.txt as `helm install` prints it (a client-side dry run: no cluster). */
function runNotes(dir: string, set: string[] = []): string {
  const result = runHelm(helm4.bin, ['install', 'rel', dir, '--dry-run=client', ...set.flatMap((value) => ['--set', value])]);
  assert.ok(result.ok, result.output);
  return result.stdout.slice(result.stdout.indexOf('NOTES:'));
}

test('stored answers with ingressNamespace keep working', () => {
  assert.equal(sources(chart({ ...ingressOn, networkPolicy: { ingressNamespace: 'edge' } })).peers, [nsPeer('edge')]);
  assert.equal(sources(chart({ ...sharedGateway, networkPolicy: { ingressNamespace: 'edge' } })).peers, [nsPeer('edge')]);
});

test("Cilium: a CiliumNetworkPolicy admits its reserved ingress identity on the container port", () => {
  const dir = chart({ ...ingressOn, networkPolicy: { ingressController: 'cilium' } });
  const { peers, cilium } = sources(dir, ['service.port=9090']);
  assert.equal(peers, [], 'no Kubernetes peer matches the ingress identity');
  assert.is(cilium.length, 1);
  const [policy] = cilium;
  assert.is(policy.apiVersion, 'cilium.io/v2');
  assert.equal(policy.spec.endpointSelector.matchLabels, { 'app.kubernetes.io/name': 'app', 'app.kubernetes.io/instance': 'rel' });
  assert.equal(policy.spec.ingress, [{ fromEntities: ['ingress'], toPorts: [{ ports: [{ port: '9090', protocol: 'TCP' }] }] }]);
  assert.is(sources(dir, ['networkPolicy.ciliumIngress=false']).cilium.length, 0);
  assert.is(sources(dir, ['networkPolicy.enabled=true', 'networkPolicy.ciliumIngress=true']).cilium.length, 1);
  assert.is(sources(chart(ingressOn)).cilium.length, 0, 'only when asked');
});

test('a LoadBalancer or NodePort Service admits 0.0.0.0/0 and ::/0, also when the type is set in values', () => {
  const external = [{ ipBlock: { cidr: '0.0.0.0/0' } }, { ipBlock: { cidr: '::/0' } }];
  const clusterIp = chart({ networkPolicy: {} });
  assert.equal(sources(clusterIp).peers, []);
  assert.equal(sources(clusterIp, ['service.type=LoadBalancer']).peers, external);
  assert.equal(sources(clusterIp, ['service.type=NodePort']).peers, external);
  const balanced = chart({ service: { port: 8443, type: 'LoadBalancer' } });
  assert.equal(sources(balanced).peers, external);
  assert.equal(sources(balanced, ['service.type=ClusterIP']).peers, []);
});

// ---------------------------------------------------------------------------------------------
// Restricted egress

test('restricted egress still reaches DNS (also OpenShift and NodeLocal DNS), the API server when RBAC was asked for, and the listed peers', () => {
  const plain = chart({});
  const egress = (dir: string, set: string[]) => render(dir, ['networkPolicy.egress.restrict=true', ...set]).find('NetworkPolicy').spec.egress as any[];
  const [dns, ...rest] = egress(plain, []);
  assert.equal(dns.to, [
    { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } },
    { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'openshift-dns' } } },
  ]);
  assert.equal(dns.ports.map((p: any) => `${p.port}/${p.protocol}`), ['53/UDP', '53/TCP', '5353/UDP', '5353/TCP']);
  assert.equal(rest, []);
  assert.equal(egress(plain, ['networkPolicy.egress.dns.nodeLocalAddress=169.254.20.10'])[0].to.at(-1), { ipBlock: { cidr: '169.254.20.10/32' } });
  assert.equal(egress(plain, ['networkPolicy.egress.dns.nodeLocalAddress=fd00::a'])[0].to.at(-1), { ipBlock: { cidr: 'fd00::a/128' } });
  const listed = egress(plain, ['networkPolicy.egress.to[0].to[0].ipBlock.cidr=10.0.0.0/8', 'networkPolicy.egress.to[0].ports[0].port=5432']);
  assert.equal(listed[1], { to: [{ ipBlock: { cidr: '10.0.0.0/8' } }], ports: [{ port: 5432 }] });

  const rbac = chart({ rbac: { rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }] } });
  refused(rbac, ['networkPolicy.egress.restrict=true'], /networkPolicy\.egress\.apiServer\.cidrs: required while egress is restricted/);
  const api = egress(rbac, ['networkPolicy.egress.apiServer.cidrs[0]=172.18.0.2/32'])[1];
  assert.equal(api, { to: [{ ipBlock: { cidr: '172.18.0.2/32' } }], ports: [{ port: 443, protocol: 'TCP' }, { port: 6443, protocol: 'TCP' }] });
  assert.is(egress(rbac, ['serviceAccount.automount=false']).length, 1, 'no API token, no API server');
});

// ---------------------------------------------------------------------------------------------
// The new answers give charts that lint and whose objects the API accepts

test('charts with the new answers lint on Helm 3 and 4 and render valid objects, with every ci/ file', async () => {
  const charts = [
    chart({ service: { port: 9000, servicePort: 80, protocol: 'grpc' }, probes: { liveness: { type: 'grpc' } }, ...route('/api'), networkPolicy: { ingressController: 'envoy-gateway' } }),
    chart({ workload: { kind: 'StatefulSet' }, service: { port: 5432, protocol: 'tcp', type: 'LoadBalancer' } }),
    chart({ ...ingressOn, service: { port: 8080, protocol: 'h2c' }, networkPolicy: { ingressController: 'cilium' }, rbac: { rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['list'] }] } }),
    chart({ ...ownGateway(['docs.example.com', '*.example.com'], { issuer: 'dns01' }), networkPolicy: { ingressController: 'nginx-gateway-fabric' } }),
  ];
  // No schema for Cilium's CRD here: its fields are checked in the Cilium test above.
  for (const dir of charts) await assertValidEverywhere(dir, { unchecked: ['CiliumNetworkPolicy'] });
});

test.run();
