// The extraPorts part: more container ports beside service.port, some also on the Service, and a
// NetworkPolicy that opens a port only as far as it is exposed. Checked on freshly generated charts
// that real Helm 3 and 4 render, every object validated strictly.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { helms } from '../support/helm.ts';
import { assertValidEverywhere, freshChart, problemsOf, refusal, rendered } from '../support/fresh-chart.ts';

const binaries = await helms();

const web = { service: { port: 8080 } };
const ports = [
  { name: 'metrics', port: 9090, expose: true },
  { name: 'admin', port: 9091 },
  { name: 'stats', port: 8125, protocol: 'UDP', expose: true },
];

test('every extra port is a container port; an exposed one is also a port of the Service', () => {
  const dir = freshChart({ ...web, extraPorts: ports });
  for (const helm of binaries) {
    const { find } = rendered(helm, dir);
    assert.equal(find('Deployment').spec.template.spec.containers[0].ports, [
      { name: 'http', containerPort: 8080, protocol: 'TCP' },
      { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
      { name: 'admin', containerPort: 9091, protocol: 'TCP' },
      { name: 'stats', containerPort: 8125, protocol: 'UDP' },
    ]);
    assert.equal(find('Service').spec.ports.slice(1), [
      { name: 'metrics', port: 9090, targetPort: 'metrics', protocol: 'TCP' },
      { name: 'stats', port: 8125, targetPort: 'stats', protocol: 'UDP' },
    ]);
  }
});

test('the NetworkPolicy admits an exposed port like the service port, and an unexposed admin port from no one, not the ingress controller', () => {
  const dir = freshChart({ ...web, extraPorts: ports, ingress: { enabled: true, host: 'a.example.com' }, networkPolicy: { ingressController: 'traefik' } });
  for (const helm of binaries) {
    const rules = rendered(helm, dir).find('NetworkPolicy').spec.ingress;
    assert.is(rules.length, 1);
    assert.equal(rules[0].ports, [
      { port: 'http', protocol: 'TCP' },
      { port: 'metrics', protocol: 'TCP' },
      { port: 'stats', protocol: 'UDP' },
    ]);
    assert.ok(rules[0].from.some((peer: any) => peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'traefik'));
    assert.not.ok(JSON.stringify(rules).includes('admin'), 'admin is in no rule');
    // --set replaces a list: every entry is given again, admin now exposed.
    const exposed = ports.map((port, i) => `extraPorts[${i}].name=${port.name},extraPorts[${i}].port=${port.port},extraPorts[${i}].expose=true`);
    const opened = rendered(helm, dir, exposed).find('NetworkPolicy');
    assert.ok(opened.spec.ingress[0].ports.some((p: any) => p.port === 'admin'), 'exposed in values: admitted with the service port');
  }
});

test('a worker: container ports only, no Service, and a NetworkPolicy that admits nothing', () => {
  const dir = freshChart({ workload: { livenessCommand: ['/bin/alive'] }, extraPorts: [{ name: 'admin', port: 9091 }] });
  for (const helm of binaries) {
    const { find, all } = rendered(helm, dir);
    assert.is(all('Service').length, 0);
    assert.equal(find('Deployment').spec.template.spec.containers[0].ports, [{ name: 'admin', containerPort: 9091, protocol: 'TCP' }]);
    assert.equal(find('NetworkPolicy').spec.ingress, []);
    assert.not.ok('ports' in rendered(helm, dir, ['extraPorts=null']).find('Deployment').spec.template.spec.containers[0], 'none left: no ports list');
  }
});

test('rules: names and ports distinct from each other and from the main port; expose needs the Service', () => {
  assert.equal(problemsOf({ ...web, extraPorts: [{ name: 'http', port: 9090 }] }), ['extraPorts[0].name: "http" is the name of service.port: choose another']);
  assert.equal(problemsOf({ ...web, extraPorts: [{ name: 'admin', port: 8080 }] }), ['extraPorts[0].port: 8080 is service.port: an extra port needs a port of its own']);
  assert.equal(problemsOf({ ...web, extraPorts: [{ name: 'admin', port: 9091 }, { name: 'admin', port: 9091 }] }), [
    'extraPorts[1].name: "admin" is the name of extraPorts[0] too',
    'extraPorts[1].port: 9091 is the port of extraPorts[0] too',
  ]);
  assert.equal(problemsOf({ extraPorts: [{ name: 'admin', port: 9091, expose: true }], workload: { livenessCommand: ['true'] } }), [
    'extraPorts[0].expose: needs a Service: set service.port on a Deployment, StatefulSet or DaemonSet',
  ]);
  assert.equal(problemsOf({ ...web, service: { port: 8080, protocol: 'grpc' }, extraPorts: [{ name: 'http', port: 9090 }] }), [], 'the main port is named grpc here');
  assert.equal(problemsOf({ ...web, extraPorts: [{ name: '9090', port: 9090 }] }), [
    'extraPorts[0].name: must be a port name: at most 15 lowercase letters, digits and "-" (not at either end, never "--"), with at least one letter',
  ]);
  assert.equal(problemsOf({ ...web, extraPorts: [{ name: 'a-very-long-port-name', port: 9090 }] }).length, 1);
  assert.equal(problemsOf({ ...web, extraPorts: [{ name: 'admin', port: 9091, protocol: 'SCTP' }] }), ['extraPorts[0].protocol: must be one of TCP, UDP']);
});

test('values the chart refuses: a port name Kubernetes refuses, a name or port taken twice', () => {
  const dir = freshChart({ ...web, extraPorts: [{ name: 'admin', port: 9091 }] });
  // --set replaces a list: each entry is given whole.
  const entry = (name: string, port: number, more = '') => [`extraPorts[0].name=${name},extraPorts[0].port=${port}${more}`];
  for (const output of refusal(binaries, dir, entry('Admin', 9091))) assert.match(output, /extraPorts(\.0\.|\/0\/)name/);
  for (const output of refusal(binaries, dir, entry('http', 9091))) assert.match(output, 'extraPorts[0].name: http is the name of another port of the chart');
  for (const output of refusal(binaries, dir, entry('admin', 8080))) assert.match(output, 'extraPorts[0].port: 8080 is another port of the chart');
  for (const output of refusal(binaries, dir, entry('admin', 9091, ',extraPorts[0].hostPort=1'))) assert.match(output, 'hostPort');
  const twice = [...entry('admin', 9091), 'extraPorts[1].name=admin,extraPorts[1].port=9092'];
  for (const output of refusal(binaries, dir, twice)) assert.match(output, 'extraPorts[1].name: admin is the name of another port of the chart');
});

test('charts with extra ports lint on Helm 3 and 4 and render valid objects on Kubernetes 1.28 and 1.35, with every ci/ file', async () => {
  await assertValidEverywhere(freshChart({ ...web, extraPorts: ports }));
  await assertValidEverywhere(freshChart({ workload: { kind: 'StatefulSet' }, ...web, extraPorts: ports }));
  await assertValidEverywhere(freshChart({ workload: { kind: 'DaemonSet', livenessCommand: ['true'] }, extraPorts: [{ name: 'admin', port: 9091 }] }));
});

test.run();
