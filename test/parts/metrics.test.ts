// The metrics part: Prometheus Operator scraping of a named port, a ServiceMonitor where the Service
// has the port and a PodMonitor where only the pods do, checked on freshly generated charts that
// real Helm 3 and 4 render, every object validated strictly (the prometheus-operator models).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import helpers from 'yeoman-test';
import { helms } from '../support/helm.ts';
import { assertValidEverywhere, freshChart, problemsOf, refusal, rendered } from '../support/fresh-chart.ts';
import { builtGenerator, readTree } from '../support/yo.ts';

const binaries = await helms();

const web = { service: { port: 8080 } };
const worker = { workload: { livenessCommand: ['/bin/alive'] } };
const metricsPort = (expose: boolean) => ({ extraPorts: [{ name: 'metrics', port: 9090, expose }, { name: 'admin', port: 9091 }] });

/** The answers stored with the chart NAME in a tree yeoman-test wrote. */
const storedAnswers = (files: Map<string, Buffer>, name: string) => JSON.parse(files.get(`${name}/.yo-rc.json`)!.toString('utf8'))['generator-k8s-chart'].answers;

const labelsMatch = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(selector).every(([key, value]) => labels[key] === value);

test('a ServiceMonitor selects the Service by its labels and scrapes a port the Service has', () => {
  for (const [answers, port] of [
    [{ ...web, metrics: { port: 'http' } }, 'http'],
    [{ ...web, ...metricsPort(true), metrics: { port: 'metrics', path: '/stats', interval: '1m' } }, 'metrics'],
  ] as const) {
    const dir = freshChart(answers);
    for (const helm of binaries) {
      const { find, all } = rendered(helm, dir);
      assert.is(all('PodMonitor').length, 0);
      const monitor = find('ServiceMonitor');
      const service = find('Service');
      assert.is(monitor.apiVersion, 'monitoring.coreos.com/v1');
      assert.ok(labelsMatch(monitor.spec.selector.matchLabels, service.metadata.labels), 'selects the Service');
      const [endpoint] = monitor.spec.endpoints;
      assert.ok(service.spec.ports.some((p: any) => p.name === endpoint.port), `the Service has port ${endpoint.port}`);
      assert.is(endpoint.port, port);
      assert.equal(endpoint.relabelings[0], { action: 'keep', regex: service.metadata.name, sourceLabels: ['__meta_kubernetes_service_name'] });
    }
  }
  const second = rendered(binaries[1]!, freshChart({ ...web, ...metricsPort(true), metrics: { port: 'metrics', path: '/stats', interval: '1m' } }));
  const endpoint = second.find('ServiceMonitor').spec.endpoints[0];
  assert.is(endpoint.path, '/stats');
  assert.is(endpoint.interval, '1m');
});

test("a StatefulSet's ServiceMonitor keeps only its Service's endpoints, not the headless Service's, which has the same labels", () => {
  const { find, all } = rendered(binaries[1]!, freshChart({ workload: { kind: 'StatefulSet' }, ...web, metrics: { port: 'http' } }));
  const services = all('Service');
  assert.is(services.length, 2);
  assert.ok(services.every((service: any) => labelsMatch(find('ServiceMonitor').spec.selector.matchLabels, service.metadata.labels)));
  const keep = find('ServiceMonitor').spec.endpoints[0].relabelings[0];
  assert.is(keep.regex, services.find((service: any) => service.spec.clusterIP !== 'None').metadata.name);
});

test('a worker gets a PodMonitor that selects its pods and scrapes a container port they declare', () => {
  const dir = freshChart({ ...worker, extraPorts: [{ name: 'metrics', port: 9100 }], metrics: { port: 'metrics' } });
  for (const helm of binaries) {
    const { find, all } = rendered(helm, dir);
    assert.is(all('ServiceMonitor').length + all('Service').length, 0, 'a worker has no Service');
    const monitor = find('PodMonitor');
    const pod = find('Deployment').spec.template;
    assert.ok(labelsMatch(monitor.spec.selector.matchLabels, pod.metadata.labels), 'selects the pods');
    const [endpoint] = monitor.spec.podMetricsEndpoints;
    assert.equal(pod.spec.containers[0].ports, [{ name: 'metrics', containerPort: 9100, protocol: 'TCP' }]);
    assert.is(endpoint.port, 'metrics');
    assert.is(endpoint.path, '/metrics');
    assert.is(endpoint.interval, '30s');
    // The NetworkPolicy admits the scrape, and nothing else: a worker listens for no one else.
    assert.equal(find('NetworkPolicy').spec.ingress, [
      { ports: [{ port: 'metrics', protocol: 'TCP' }], from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }] },
    ]);
    const closed = rendered(helm, dir, ['metrics.networkPolicy.from=null']).find('NetworkPolicy');
    assert.equal(closed.spec.ingress, [], 'no peers: no rule (an empty from would admit everyone)');
  }
});

test('a port the Service does not expose is scraped by a PodMonitor; the NetworkPolicy admits the scrape on that port only', () => {
  const dir = freshChart({ ...web, ...metricsPort(false), metrics: { port: 'metrics' }, ingress: { enabled: true, host: 'a.example.com' }, networkPolicy: { ingressController: 'traefik' } });
  for (const helm of binaries) {
    const { find, all } = rendered(helm, dir, ['metrics.networkPolicy.from[0].namespaceSelector.matchLabels.name=observability']);
    assert.is(all('ServiceMonitor').length, 0);
    assert.ok(find('PodMonitor'));
    assert.equal(find('Service').spec.ports.map((p: any) => p.name), ['http'], 'metrics and admin are not Service ports');
    const rules = find('NetworkPolicy').spec.ingress;
    assert.equal(rules.map((rule: any) => rule.ports.map((p: any) => p.port)), [['http'], ['metrics']]);
    assert.equal(rules[1].from, [{ namespaceSelector: { matchLabels: { name: 'observability' } } }]);
  }
});

test('labels for the Prometheus selector; the chart\'s own labels win', () => {
  const dir = freshChart({ ...web, metrics: { port: 'http' } });
  const { find } = rendered(binaries[1]!, dir, ['metrics.serviceMonitor.labels.release=kps', 'metrics.serviceMonitor.labels.app\\.kubernetes\\.io/name=other']);
  const labels = find('ServiceMonitor').metadata.labels;
  assert.is(labels.release, 'kps');
  assert.is(labels['app.kubernetes.io/name'], 'app');
});

test('rules: the port is a TCP port of the chart, named; pods that finish are not scraped', () => {
  assert.equal(problemsOf({ ...web, ...metricsPort(true), metrics: { port: 'foo' } }), ['metrics.port: "foo" is not a port of the chart (http, metrics, admin)']);
  assert.equal(problemsOf({ ...web, extraPorts: [{ name: 'metrics', port: 9090 }], metrics: { port: 'foo' } }), ['metrics.port: "foo" is not a port of the chart (http, metrics)']);
  assert.equal(problemsOf({ ...worker, metrics: { port: 'http' } }), ['metrics.port: "http" is not a port of the chart (it has none: set service.port or add extraPorts)']);
  assert.equal(problemsOf({ ...web, metrics: {} }), ['metrics.port: required: the name of the port Prometheus scrapes (http)']);
  assert.equal(problemsOf({ ...web, extraPorts: [{ name: 'stats', port: 8125, protocol: 'UDP' }], metrics: { port: 'stats' } }), ['metrics.port: "stats" is a UDP port: Prometheus scrapes over TCP']);
  assert.match(problemsOf({ workload: { kind: 'CronJob', schedule: '@daily' }, metrics: { port: 'metrics' } }).join('\n'), /^metrics: a CronJob's pods finish between scrapes/);
  assert.equal(problemsOf({ ...web, metrics: { port: 'http', interval: '30 seconds' } }), ['metrics.interval: must be a Prometheus duration such as 30s or 1m30s (units y, w, d, h, m, s, ms, largest first)']);
  assert.equal(problemsOf({ ...web, metrics: { enabled: false } }), [], 'off: nothing required');
});

test('values the chart refuses at render time: the monitor needs what it scrapes', () => {
  const served = freshChart({ ...web, ...metricsPort(true), metrics: { port: 'metrics' } });
  for (const output of refusal(binaries, served, ['service.enabled=false'])) assert.match(output, 'metrics.enabled: the ServiceMonitor scrapes the Service');
  for (const output of refusal(binaries, served, ['metrics.port=admin'])) assert.match(output, 'metrics.port: "admin" is not a TCP port of the Service (http, metrics)');
  for (const output of refusal(binaries, served, ['metrics.serviceMonitor.interval=soon'])) assert.match(output, 'interval');
  for (const output of refusal(binaries, served, ['metrics.serviceMonitor.unknown=1'])) assert.match(output, 'unknown');
  const pods = freshChart({ ...worker, extraPorts: [{ name: 'metrics', port: 9100 }], metrics: { port: 'metrics' } });
  for (const output of refusal(binaries, pods, ['metrics.port=other'])) assert.match(output, 'metrics.port: "other" is not a TCP port of the pod (metrics)');
  assert.ok(rendered(binaries[1]!, pods, ['metrics.enabled=false']).all('PodMonitor').length === 0, 'switched off in values');
});

test('charts with metrics lint on Helm 3 and 4 and render valid objects on Kubernetes 1.28 and 1.35, with every ci/ file', async () => {
  await assertValidEverywhere(freshChart({ ...web, ...metricsPort(true), metrics: { port: 'metrics' } }));
  await assertValidEverywhere(freshChart({ workload: { kind: 'StatefulSet' }, ...web, metrics: { port: 'http', interval: '15s' } }));
  await assertValidEverywhere(freshChart({ workload: { kind: 'DaemonSet', livenessCommand: ['/bin/alive'] }, extraPorts: [{ name: 'metrics', port: 9100 }], metrics: { port: 'metrics' } }));
});

test('yo k8s-chart asks after the health checks: a worker gets a metrics port of its own and a PodMonitor', async () => {
  const answers = {
    name: 'metered',
    imageRepository: 'ghcr.io/acme/metered',
    imageTag: '1.0.0',
    kind: 'Deployment',
    autoscaling: false,
    replicas: '1',
    port: ' ',
    livenessCommand: '/app/alive',
    metrics: true,
    metricsPort: 'a port of its own (a PodMonitor scrapes the pods)',
    metricsPortNumber: '9100',
    metricsPath: '/prometheus',
    persistence: false,
    configKey1: ' ',
    secretKeys: ' ',
    component1Add: false,
    review: 'write the chart',
    saveAnswers: false,
  };
  const context = helpers.run(builtGenerator).withAnswers(answers, { throwOnMissingAnswer: true });
  const { askedQuestions } = await context;
  const files = readTree(context.targetDirectory!);
  context.cleanupTemporaryDir();
  assert.equal(askedQuestions.map((q) => q.name), Object.keys(answers), 'the questions asked, in order');
  const stored = storedAnswers(files, 'metered');
  assert.equal(stored.extraPorts, [{ name: 'metrics', port: 9100 }]);
  assert.equal(stored.metrics, { port: 'metrics', path: '/prometheus' });
  assert.ok(files.has('metered/templates/podmonitor.yaml'));
  assert.not.ok(files.has('metered/templates/servicemonitor.yaml'));
});

test('yo k8s-chart: with a Service, the main port is offered first', async () => {
  const answers = {
    name: 'served', imageRepository: 'ghcr.io/acme/served', imageTag: '1.0.0', kind: 'Deployment', autoscaling: false, replicas: '1',
    port: '8080', serviceProtocol: 'http', servicePort: ' ', serviceType: 'ClusterIP', serviceAnnotations: ' ', exposure: 'not at all',
    probe: 'tcp: the port accepts connections', readinessProbe: 'the same check', startupProbe: false,
    metrics: true, metricsPort: 'http', metricsPath: '/metrics',
    persistence: false, configKey1: ' ', secretKeys: ' ', component1Add: false, review: 'write the chart', saveAnswers: false,
  };
  const context = helpers.run(builtGenerator).withAnswers(answers, { throwOnMissingAnswer: true });
  const { askedQuestions } = await context;
  const files = readTree(context.targetDirectory!);
  context.cleanupTemporaryDir();
  assert.equal(askedQuestions.map((q) => q.name), Object.keys(answers));
  const stored = storedAnswers(files, 'served');
  assert.equal(stored.metrics, { port: 'http' });
  assert.is(stored.extraPorts, undefined);
  assert.ok(files.has('served/templates/servicemonitor.yaml'));
});

test.run();
