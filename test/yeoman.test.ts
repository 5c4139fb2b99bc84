// The Yeoman generator as Yeoman runs it, through yeoman-test: the built generator
// (dist/generators/app/index.js; run `npm run build` first) in a Yeoman environment, writing to a
// temporary folder through mem-fs. The bin, run as a child process, is the reference output.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { TerminalAdapter } from '@yeoman/adapter';
import { load } from 'js-yaml';
import helpers from 'yeoman-test';
import { binOutput, builtGenerator, freshDir, readTree, recordedAnswers, repoRoot, treeDifference } from './support/yo.ts';

// A copy, outside the folder yeoman-test runs in (the generator must take any path).
const shopApi = join(freshDir('answers'), 'shop-api.yaml');
copyFileSync(join(repoRoot, 'examples/shop-api.yaml'), shopApi);

type Context = ReturnType<typeof helpers.run>;

/** The generator's own --answers option (yeoman-test's types only know Yeoman's options). */
const answersOption = (file: string) => ({ answers: file }) as Parameters<Context['withOptions']>[0];

/** Runs a prepared context to its end: the folder it wrote into, or the error it failed with. */
async function outcome(context: Context) {
  let error: Error | undefined;
  let askedQuestions: Array<{ name: string; answer: unknown }> = [];
  try {
    askedQuestions = (await context).askedQuestions;
  } catch (caught) {
    error = caught as Error;
  }
  const dir = context.targetDirectory!;
  const files = readTree(dir);
  context.cleanupTemporaryDir(); // also goes back to the folder we started in
  return { error, askedQuestions, files };
}

/** The files of one chart inside a tree read from the destination folder. */
function chartTree(tree: Map<string, Buffer>, name: string): Map<string, Buffer> {
  return new Map([...tree].filter(([path]) => path.startsWith(`${name}/`)).map(([path, bytes]) => [path.slice(name.length + 1), bytes]));
}

const yaml = (chart: Map<string, Buffer>, path: string) => load(chart.get(path)!.toString('utf8')) as Record<string, any>;

test('--answers FILE: writes <cwd>/shop-api/ byte for byte as the bin does, and nothing else', async () => {
  const run = await outcome(helpers.run(builtGenerator).withOptions(answersOption(shopApi)));
  assert.is(run.error, undefined, run.error?.stack);
  assert.equal(run.askedQuestions, [], 'nothing is asked when an answers file is given');
  assert.ok([...run.files.keys()].every((path) => path.startsWith('shop-api/')), [...run.files.keys()].join('\n'));
  const difference = treeDifference(chartTree(run.files, 'shop-api'), binOutput(shopApi, 'shop-api'));
  assert.is(difference, '', difference);
});

test('--answers FILE with a bad answer: rejects naming the field, writes nothing', async () => {
  const bad = join(freshDir('bad'), 'bad.yaml');
  writeFileSync(bad, readFileSync(shopApi, 'utf8').replace(/^name: shop-api$/m, 'name: Shop_API'));
  const run = await outcome(helpers.run(builtGenerator).withOptions(answersOption(bad)));
  assert.instance(run.error, Error, 'the run must fail');
  assert.match(run.error!.message, /^name: must be a lowercase DNS-1123 label/m);
  assert.equal([...run.files.keys()], [], 'no file is written');
});

test('--answers FILE that does not exist: rejects with the path, writes nothing', async () => {
  const missing = join(freshDir('missing'), 'nope.yaml');
  const run = await outcome(helpers.run(builtGenerator).withOptions(answersOption(missing)));
  assert.instance(run.error, Error);
  assert.match(run.error!.message, `${missing}: cannot read: ENOENT`);
  assert.equal([...run.files.keys()], []);
});

// yeoman-test's adapter answers from the mocked answers and reads no terminal: the generator asks
// it. throwOnMissingAnswer: a question without a mocked answer (and without a default) fails.
test('prompts, Ingress answered yes: every answer lands in the chart, as the bin writes it', async () => {
  const answers = {
    name: 'qa-app',
    imageRepository: 'ghcr.io/acme/qa-app',
    imageTag: '2.0.1',
    kind: 'Deployment',
    replicas: '2',
    port: '9090',
    serviceProtocol: 'http',
    servicePort: ' ',
    serviceType: 'NodePort',
    serviceAnnotations: 'example.com/team=qa',
    exposure: 'Ingress',
    ingressHost: 'qa.example.com',
    ingressPathType: 'Exact',
    ingressPath: '/api',
    ingressClass: 'nginx',
    ingressAnnotations: 'nginx.ingress.kubernetes.io/proxy-body-size=8m',
    tls: true,
    issuer: 'letsencrypt-staging',
    issuerKind: 'Issuer',
    ingressController: 'ingress-nginx',
    probe: 'http: a path answers 2xx or 3xx',
    probePath: '/healthz',
    readinessProbe: 'exec: a command succeeds',
    readinessCommand: '/bin/ready --fast',
    startupProbe: true,
    persistence: false,
    config: 'LOG_LEVEL=debug, FEATURE_X=on',
    secretKeys: 'DB_PASSWORD, API_TOKEN',
    autoscaling: true,
    minReplicas: '3',
    maxReplicas: '6',
    cpu: '60',
  };
  const run = await outcome(helpers.run(builtGenerator).withAnswers(answers, { throwOnMissingAnswer: true }));
  assert.is(run.error, undefined, run.error?.stack);
  assert.equal(run.askedQuestions.map((q) => q.name), Object.keys(answers), 'the questions asked, in order');
  const chart = chartTree(run.files, 'qa-app');
  assert.is(chart.size, run.files.size, 'everything is written below qa-app/');

  const recorded = recordedAnswers(chart);
  assert.equal(recorded.answers, {
    name: 'qa-app',
    image: { repository: 'ghcr.io/acme/qa-app', tag: '2.0.1' },
    workload: { kind: 'Deployment', replicas: 2 },
    service: { port: 9090, type: 'NodePort', annotations: { 'example.com/team': 'qa' } },
    ingress: {
      enabled: true,
      host: 'qa.example.com',
      path: '/api',
      pathType: 'Exact',
      className: 'nginx',
      annotations: { 'nginx.ingress.kubernetes.io/proxy-body-size': '8m' },
      tls: { enabled: true, issuer: 'letsencrypt-staging', issuerKind: 'Issuer' },
    },
    networkPolicy: { ingressController: 'ingress-nginx' },
    probes: {
      liveness: { type: 'http', path: '/healthz' },
      readiness: { type: 'exec', command: ['/bin/ready', '--fast'] },
      startup: { type: 'http', path: '/healthz' },
    },
    persistence: { enabled: false },
    config: { enabled: true, data: { LOG_LEVEL: 'debug', FEATURE_X: 'on' } },
    secrets: { enabled: true, keys: ['DB_PASSWORD', 'API_TOKEN'] },
    autoscaling: { enabled: true, minReplicas: 3, maxReplicas: 6, targetCPUUtilizationPercentage: 60 },
  });
  assert.is(yaml(chart, 'Chart.yaml').name, 'qa-app');
  const values = yaml(chart, 'values.yaml');
  assert.is(values.service.port, 9090);
  assert.is(values.service.type, 'NodePort');
  assert.ok(chart.has('templates/ingress.yaml'), 'an Ingress when asked for one');
  assert.ok(chart.has('templates/secret.yaml') && chart.has('templates/hpa.yaml'));
  assert.match(JSON.stringify(values), 'qa.example.com');

  const difference = treeDifference(chart, binOutput(recorded.file, 'qa-app'));
  assert.is(difference, '', difference);
});

test('prompts, not reached from outside: no Ingress questions, no Ingress file', async () => {
  const answers = {
    name: 'plain-app',
    imageRepository: 'registry.example.com/team/plain-app',
    imageTag: 'v7',
    kind: 'Deployment',
    replicas: '1',
    port: '8081',
    serviceProtocol: 'tcp',
    servicePort: '80',
    serviceType: 'ClusterIP',
    serviceAnnotations: 'example.com/owner=ops',
    exposure: 'not at all',
    probe: 'tcp: the port accepts connections',
    readinessProbe: 'the same check',
    startupProbe: false,
    persistence: false,
    config: 'MODE=plain',
    secretKeys: 'TOKEN',
    autoscaling: false,
  };
  const run = await outcome(helpers.run(builtGenerator).withAnswers(answers, { throwOnMissingAnswer: true }));
  assert.is(run.error, undefined, run.error?.stack);
  assert.equal(run.askedQuestions.map((q) => q.name), Object.keys(answers));
  const chart = chartTree(run.files, 'plain-app');
  assert.is(yaml(chart, 'Chart.yaml').name, 'plain-app');
  assert.is(yaml(chart, 'values.yaml').service.port, 8081);
  assert.is(yaml(chart, 'values.yaml').service.servicePort, 80);
  assert.equal((recordedAnswers(chart).answers.service as { protocol?: string } | undefined)?.protocol, 'tcp');
  assert.match(chart.get('templates/service.yaml')!.toString('utf8'), 'appProtocol: tcp');
  assert.not.ok(chart.has('templates/ingress.yaml'), 'no Ingress when answered no');
  assert.not.ok(chart.has('templates/hpa.yaml'), 'no HPA when answered no');
  assert.equal(recordedAnswers(chart).answers.ingress, { enabled: false });
  const difference = treeDifference(chart, binOutput(recordedAnswers(chart).file, 'plain-app'));
  assert.is(difference, '', difference);
});

test('prompts, a worker (no port): asked for its liveness command, no Service, no Ingress questions', async () => {
  const answers = {
    name: 'queue-app',
    imageRepository: 'ghcr.io/acme/queue-app',
    imageTag: '3.1.0',
    kind: 'Deployment',
    replicas: '1',
    port: ' ', // what a user types for "empty": yeoman-test counts '' as not answered
    livenessCommand: '/app/healthcheck --quiet',
    persistence: false,
    config: 'QUEUE=jobs',
    secretKeys: 'BROKER_PASSWORD',
    autoscaling: false,
  };
  const run = await outcome(helpers.run(builtGenerator).withAnswers(answers, { throwOnMissingAnswer: true }));
  assert.is(run.error, undefined, run.error?.stack);
  assert.equal(run.askedQuestions.map((q) => q.name), Object.keys(answers));
  const chart = chartTree(run.files, 'queue-app');
  const recorded = recordedAnswers(chart);
  assert.equal(recorded.answers.workload, { kind: 'Deployment', replicas: 1, livenessCommand: ['/app/healthcheck', '--quiet'] });
  assert.is(recorded.answers.service, undefined);
  assert.not.ok(chart.has('templates/service.yaml'), 'a worker gets no Service');
  const difference = treeDifference(chart, binOutput(recorded.file, 'queue-app'));
  assert.is(difference, '', difference);
});

test('prompts, Gateway API with the chart\'s own Gateway; a StatefulSet with a volume per pod', async () => {
  const answers = {
    name: 'gw-app',
    imageRepository: 'ghcr.io/acme/gw-app',
    imageTag: '1.0.0',
    kind: 'StatefulSet',
    replicas: '3',
    port: '8080',
    serviceProtocol: 'http',
    servicePort: ' ',
    serviceType: 'ClusterIP',
    serviceAnnotations: ' ',
    exposure: 'Gateway API',
    routeHostnames: 'gw.example.com, www.gw.example.com',
    routePath: '/',
    gateway: "a Gateway of the chart's own",
    gatewayClass: 'cilium',
    gatewayIssuer: 'letsencrypt-prod',
    gatewayIssuerKind: 'ClusterIssuer',
    ingressController: 'another: name the namespace of its proxies',
    ingressNamespace: 'cilium-gw',
    probe: 'grpc: the gRPC health service answers',
    readinessProbe: 'the same check',
    startupProbe: false,
    persistence: true,
    storageSize: '5Gi',
    storageMountPath: '/var/lib/app',
    storageAccessMode: 'ReadWriteOnce',
    config: ' ',
    secretKeys: ' ',
    autoscaling: false,
  };
  const run = await outcome(helpers.run(builtGenerator).withAnswers(answers, { throwOnMissingAnswer: true }));
  assert.is(run.error, undefined, run.error?.stack);
  assert.equal(run.askedQuestions.map((q) => q.name), Object.keys(answers), 'the questions asked, in order');
  const chart = chartTree(run.files, 'gw-app');
  const recorded = recordedAnswers(chart);
  assert.equal(recorded.answers.httpRoute, {
    enabled: true,
    hostnames: ['gw.example.com', 'www.gw.example.com'],
    path: '/',
    gateway: { create: true, className: 'cilium', tls: { issuer: 'letsencrypt-prod', issuerKind: 'ClusterIssuer' } },
  });
  assert.equal(recorded.answers.persistence, { size: '5Gi', mountPath: '/var/lib/app', accessModes: ['ReadWriteOnce'] });
  assert.equal(recorded.answers.networkPolicy, { ingressNamespace: 'cilium-gw' });
  for (const file of ['templates/statefulset.yaml', 'templates/service-headless.yaml', 'templates/httproute.yaml', 'templates/gateway.yaml']) {
    assert.ok(chart.has(file), file);
  }
  assert.not.ok(chart.has('templates/ingress.yaml'));
  const difference = treeDifference(chart, binOutput(recorded.file, 'gw-app'));
  assert.is(difference, '', difference);
});

test('prompts, a CronJob: schedule and time zone, no replicas, port or routing questions', async () => {
  const answers = {
    name: 'cron-app',
    imageRepository: 'ghcr.io/acme/cron-app',
    imageTag: '1.0.0',
    kind: 'CronJob',
    schedule: '0 3 * * *',
    timeZone: 'Europe/Paris',
    existingClaim: ' ',
    config: ' ',
    secretKeys: 'TOKEN',
  };
  const run = await outcome(helpers.run(builtGenerator).withAnswers(answers, { throwOnMissingAnswer: true }));
  assert.is(run.error, undefined, run.error?.stack);
  assert.equal(run.askedQuestions.map((q) => q.name), Object.keys(answers), 'the questions asked, in order');
  const chart = chartTree(run.files, 'cron-app');
  const values = yaml(chart, 'values.yaml');
  assert.is(values.cronjob.schedule, '0 3 * * *');
  assert.is(values.cronjob.timeZone, 'Europe/Paris');
  const difference = treeDifference(chart, binOutput(recordedAnswers(chart).file, 'cron-app'));
  assert.is(difference, '', difference);
});

test('prompts, an answer the core refuses: rejects naming the field, writes nothing', async () => {
  // yeoman-test's prompts skip validate(); the core still refuses what a terminal prompt would.
  const answers = {
    name: 'ok-app',
    imageRepository: 'ghcr.io/acme/ok-app',
    imageTag: '1',
    kind: 'Deployment',
    replicas: '1',
    port: '70000',
    serviceProtocol: 'http',
    servicePort: ' ',
    serviceType: 'ClusterIP',
    serviceAnnotations: 'example.com/a=b',
    exposure: 'not at all',
    probe: 'tcp: the port accepts connections',
    readinessProbe: 'the same check',
    startupProbe: false,
    persistence: false,
    config: 'A=1',
    secretKeys: 'B',
    autoscaling: false,
  };
  const run = await outcome(helpers.run(builtGenerator).withAnswers(answers, { throwOnMissingAnswer: true }));
  assert.instance(run.error, Error);
  assert.match(run.error!.message, /^service\.port: /m);
  assert.equal([...run.files.keys()], []);
});

// The contract for CI: with a terminal adapter whose input is not a terminal (a pipe that stays
// open, as CI runners give), nothing is asked: the missing answers are an error at once.
test('no --answers and a terminal adapter without a terminal: fails at once, never waits', async () => {
  const stdin = new PassThrough();
  const adapter = new TerminalAdapter({ stdin: stdin as unknown as NodeJS.ReadStream, stdout: new PassThrough() as never });
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), 5_000)));
  const context = helpers.run(builtGenerator, {}, { adapter } as never);
  const run = await Promise.race([outcome(context), hang]);
  clearTimeout(timer);
  stdin.destroy();
  assert.is.not(run, 'hang', 'the generator waited for input that never comes');
  if (run === 'hang') return;
  assert.instance(run.error, Error);
  assert.match(run.error!.message, /^name: required$/m);
  assert.match(run.error!.message, 'no terminal to ask the questions: pass --answers FILE');
  assert.equal([...run.files.keys()], []);
});

test.run();
