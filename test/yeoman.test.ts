// The Yeoman generator as Yeoman runs it, through yeoman-test: the built generator
// (dist/generators/app/index.js; run `npm run build` first) in a Yeoman environment, writing to a
// temporary folder through mem-fs. The bin, run as a child process, is the reference output.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { TerminalAdapter } from '@yeoman/adapter';
import { load } from 'js-yaml';
import helpers from 'yeoman-test';
import { binOutput, builtBin, builtGenerator, freshDir, readTree, recordedAnswers, repoRoot, treeDifference } from './support/yo.ts';

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
    autoscaling: true,
    minReplicas: '3',
    maxReplicas: '6',
    cpu: '60',
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
    metrics: false,
    persistence: false,
    configKey1: 'LOG_LEVEL',
    configValue1: 'debug',
    configKey2: 'FEATURE_X',
    configValue2: 'a,b, c=d', // one value, kept as typed
    configKey3: ' ',
    secretKeys: 'DB_PASSWORD, API_TOKEN',
    secretProvided: 'API_TOKEN', // an external system's credential: never generated
    component1Add: false, // no other component
    review: 'write the chart',
    saveAnswers: false,
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
    workload: { kind: 'Deployment' },
    autoscaling: { enabled: true, minReplicas: 3, maxReplicas: 6, targetCPUUtilizationPercentage: 60 },
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
    metrics: { enabled: false },
    persistence: { enabled: false },
    config: { enabled: true, data: { LOG_LEVEL: 'debug', FEATURE_X: 'a,b, c=d' } },
    secrets: { enabled: true, keys: ['DB_PASSWORD', 'API_TOKEN'], provided: ['API_TOKEN'] },
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
    autoscaling: false,
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
    metrics: false,
    persistence: false,
    configKey1: 'MODE',
    configValue1: 'plain',
    configKey2: ' ',
    secretKeys: 'TOKEN',
    secretProvided: ' ',
    component1Add: false, // no other component
    review: 'write the chart',
    saveAnswers: false,
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
    autoscaling: false,
    replicas: '1',
    port: ' ', // what a user types for "empty": yeoman-test counts '' as not answered
    livenessCommand: '/app/healthcheck --quiet',
    metrics: false,
    persistence: false,
    configKey1: 'QUEUE',
    configValue1: 'jobs',
    configKey2: ' ',
    secretKeys: 'BROKER_PASSWORD',
    secretProvided: ' ',
    component1Add: false, // no other component
    review: 'write the chart',
    saveAnswers: false,
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
    autoscaling: false,
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
    metrics: false,
    persistence: true,
    storageSize: '5Gi',
    storageMountPath: '/var/lib/app',
    storageAccessMode: 'ReadWriteOnce',
    configKey1: ' ',
    secretKeys: ' ',
    component1Add: false, // no other component
    review: 'write the chart',
    saveAnswers: false,
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
    configKey1: ' ',
    secretKeys: 'TOKEN',
    secretProvided: ' ',
    component1Add: false, // no other component
    review: 'write the chart',
    saveAnswers: false,
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
    autoscaling: false,
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
    metrics: false,
    persistence: false,
    configKey1: 'A',
    configValue1: '1',
    configKey2: ' ',
    secretKeys: 'B',
    secretProvided: ' ',
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

// ---------------------------------------------------------------------------------------------
// Inside a chart: --ask-answered asks every question again with the stored answer as its default,
// and the review lets the user go back to a section before anything is written.

/** A chart written by the bin from an answers file: its directory (yo then runs inside it). */
function chartFromBin(answersFile: string, name: string): string {
  const output = freshDir('charts');
  const run = spawnSync(process.execPath, [builtBin, '--answers', answersFile, '--output', output], { encoding: 'utf8', input: '' });
  assert.is(run.status, 0, run.stderr);
  return join(output, name);
}

const askAnswered = { askAnswered: true } as Parameters<Context['withOptions']>[0];

/** Runs yo in an existing chart directory: what was asked (with each question's default), the tree after. */
async function inChart(chartDir: string, context: Context) {
  const asked: Array<{ name: string; default: unknown; answer: unknown }> = [];
  let error: Error | undefined;
  try {
    // The optional questions nothing is stored for have no default: answered empty, as a user would.
    const empty = { servicePort: ' ', serviceAnnotations: ' ', ingressAnnotations: ' ', configKey2: ' ', secretProvided: ' ' };
    await context.cd(chartDir).withAnswers({ ...empty, review: 'write the chart', saveAnswers: false }, {
      callback: (answer, { question }) => {
        asked.push({ name: question.name, default: question.default, answer });
        return answer;
      },
    });
  } catch (caught) {
    error = caught as Error;
  }
  return { error, asked, files: readTree(chartDir) };
}

test('--ask-answered inside a chart: every question again, each with the stored answer as its default; kept, nothing changes', async () => {
  const chartDir = chartFromBin(shopApi, 'shop-api');
  const before = readTree(chartDir);
  const run = await inChart(chartDir, helpers.run(builtGenerator).withOptions(askAnswered));
  assert.is(run.error, undefined, run.error?.stack);
  const defaults = Object.fromEntries(run.asked.map((q) => [q.name, q.default]));
  assert.equal(defaults, {
    name: 'shop-api',
    imageRepository: 'ghcr.io/acme/shop-api',
    imageTag: '1.4.2',
    kind: 'Deployment',
    autoscaling: true,
    minReplicas: '2',
    maxReplicas: '10',
    cpu: '70',
    port: '8080',
    serviceProtocol: 'http',
    servicePort: undefined,
    serviceType: 'ClusterIP',
    serviceAnnotations: undefined,
    exposure: 'Ingress',
    ingressHost: 'shop.example.com',
    ingressPathType: 'Prefix',
    ingressPath: '/',
    ingressClass: 'traefik',
    ingressAnnotations: undefined,
    tls: true,
    issuer: 'letsencrypt-prod',
    issuerKind: 'ClusterIssuer',
    ingressController: 'traefik',
    probe: 'http: a path answers 2xx or 3xx',
    probePath: '/healthz',
    readinessProbe: 'http: a path answers 2xx or 3xx',
    readinessPath: '/ready',
    startupProbe: true,
    metrics: true,
    metricsPort: 'metrics',
    metricsPath: '/metrics',
    configValue1: 'info',
    configKey2: undefined,
    secretKeys: 'DATABASE_PASSWORD, API_TOKEN',
    secretProvided: undefined,
    persistence: false,
    component1Add: false, // no other component
    review: 'write the chart',
    saveAnswers: false,
  }, 'every question of the chart, the stored answer as its default (none for servicePort and annotations: none are stored)');
  // The one question shop-api.yaml leaves open (a volume?) is answered now and recorded; the
  // chart's own files do not change by a byte.
  const records = new Set(['.yo-rc.json', '.k8s-chart/base.json.br']);
  const chartOnly = (tree: Map<string, Buffer>) => new Map([...tree].filter(([path]) => !records.has(path)));
  const difference = treeDifference(chartOnly(run.files), chartOnly(before));
  assert.is(difference, '', `keeping every answer changes no file: ${difference}`);
  const answersBefore = recordedAnswers(before).answers;
  assert.equal(recordedAnswers(run.files).answers, { ...answersBefore, persistence: { enabled: false } }, 'the record gains only the new answer');
});

test('--ask-answered, one answer changed: the chart is updated through the merge, the user\'s edit kept', async () => {
  const chartDir = chartFromBin(shopApi, 'shop-api');
  const valuesPath = join(chartDir, 'values.yaml');
  writeFileSync(valuesPath, `# my note\n${readFileSync(valuesPath, 'utf8')}`);
  const context = helpers.run(builtGenerator).withOptions(askAnswered);
  // Not 9090: that is shop-api's metrics port.
  const run = await inChart(chartDir, context.withAnswers({ port: '9000', configValue1: 'debug' }));
  assert.is(run.error, undefined, run.error?.stack);
  assert.ok(run.asked.some((q) => q.name === 'name'), 'answered questions are asked again');
  const values = load(run.files.get('values.yaml')!.toString('utf8')) as Record<string, any>;
  assert.is(values.service.port, 9000);
  assert.is(values.config.data.LOG_LEVEL, 'debug');
  assert.ok(run.files.get('values.yaml')!.toString('utf8').startsWith('# my note\n'), 'the edit survives');
  assert.is((load(run.files.get('Chart.yaml')!.toString('utf8')) as { version: string }).version, '0.1.1');
  const recorded = recordedAnswers(run.files).answers as Record<string, any>;
  assert.equal(recorded.service, { port: 9000 }, 'only what changed');
  assert.equal(recorded.workload, { kind: 'Deployment', replicas: 2 }, 'what the questions do not change stays');
  assert.is(recorded.description, 'Shop API');
});

test('without --ask-answered inside a chart: nothing answered is asked again', async () => {
  const chartDir = chartFromBin(shopApi, 'shop-api');
  const run = await inChart(chartDir, helpers.run(builtGenerator));
  assert.is(run.error, undefined, run.error?.stack);
  // shop-api.yaml does not say whether it wants a volume: that is the one question left.
  assert.equal(run.asked.map((q) => q.name), ['persistence', 'component1Add', 'review', 'saveAnswers']);
});

test('the review: going back to a section asks its questions again, then writes; nothing before', async () => {
  const answers = {
    name: 'back-app',
    imageRepository: 'ghcr.io/acme/back-app:2.0.1', // pasted with its tag: split, the tag not asked
    kind: 'Deployment',
    autoscaling: false,
    replicas: '1',
    port: '8080',
    serviceProtocol: 'http',
    servicePort: ' ',
    serviceType: 'ClusterIP',
    serviceAnnotations: ' ',
    exposure: 'not at all',
    probe: 'tcp: the port accepts connections',
    readinessProbe: 'the same check',
    startupProbe: false,
    metrics: false,
    persistence: false,
    configKey1: ' ',
    secretKeys: ' ',
    component1Add: false,
    review: 'change: port and traffic',
    review2: 'write the chart',
    saveAnswers: false,
  };
  const seen: string[] = [];
  let portAsked = 0;
  const context = helpers.run(builtGenerator).withAnswers(answers, {
    throwOnMissingAnswer: true,
    callback: (answer, { question }) => {
      seen.push(question.name);
      // The typo at the first asking (8080 meant 8081) is mended at the second.
      if (question.name === 'port' && ++portAsked === 2) {
        assert.is(question.default, '8080', 'the answer given is the default when asked again');
        return '8081';
      }
      return answer;
    },
  });
  const run = await outcome(context);
  assert.is(run.error, undefined, run.error?.stack);
  assert.equal(seen, [
    'name', 'imageRepository', 'kind', 'autoscaling', 'replicas',
    'port', 'serviceProtocol', 'servicePort', 'serviceType', 'serviceAnnotations', 'exposure',
    'probe', 'readinessProbe', 'startupProbe', 'metrics', 'persistence', 'configKey1', 'secretKeys', 'component1Add', 'review',
    'port', 'serviceProtocol', 'servicePort', 'serviceType', 'serviceAnnotations', 'exposure',
    'review2', 'saveAnswers',
  ]);
  const chart = chartTree(run.files, 'back-app');
  const recorded = recordedAnswers(chart).answers as Record<string, any>;
  assert.equal(recorded.image, { repository: 'ghcr.io/acme/back-app', tag: '2.0.1' });
  assert.is(recorded.service.port, 8081);
  assert.is(yaml(chart, 'values.yaml').service.port, 8081);
  const difference = treeDifference(chart, binOutput(recordedAnswers(chart).file, 'back-app'));
  assert.is(difference, '', difference);
});

test('the review: the kind changed to a CronJob, what no longer applies goes and what it needs is asked', async () => {
  const answers = {
    name: 'turn-app', imageRepository: 'ghcr.io/acme/turn-app:1.0.0', kind: 'Deployment', autoscaling: false, replicas: '2',
    port: '8080', serviceProtocol: 'http', servicePort: ' ', serviceType: 'ClusterIP', serviceAnnotations: ' ',
    exposure: 'Ingress', ingressHost: 'turn.example.com', ingressPathType: 'Prefix', ingressPath: '/', ingressClass: ' ',
    ingressAnnotations: ' ', tls: false, ingressController: 'traefik', probe: 'tcp: the port accepts connections',
    readinessProbe: 'the same check', startupProbe: false, metrics: false, persistence: true, storageSize: '1Gi', storageMountPath: '/data',
    storageAccessMode: 'ReadWriteOnce', configKey1: ' ', secretKeys: ' ',
    review: 'change: workload and scaling', schedule: '0 3 * * *', timeZone: 'Europe/Paris', existingClaim: ' ',
    review2: 'write the chart', saveAnswers: false,
  };
  let kinds = 0;
  const seen: string[] = [];
  const context = helpers.run(builtGenerator).withAnswers(answers, {
    throwOnMissingAnswer: true,
    callback: (answer, { question }) => {
      seen.push(question.name);
      return question.name === 'kind' && ++kinds === 2 ? 'CronJob' : answer;
    },
  });
  const run = await outcome(context);
  assert.is(run.error, undefined, run.error?.stack);
  // After the second kind: its schedule, and an existing claim instead of a volume of its own.
  assert.equal(seen.slice(seen.indexOf('review') + 1), ['kind', 'schedule', 'timeZone', 'existingClaim', 'review2', 'saveAnswers']);
  const chart = chartTree(run.files, 'turn-app');
  const recorded = recordedAnswers(chart).answers as Record<string, any>;
  assert.equal(recorded.workload, { kind: 'CronJob', schedule: '0 3 * * *', timeZone: 'Europe/Paris' });
  for (const gone of ['service', 'ingress', 'probes', 'networkPolicy', 'autoscaling']) assert.is(recorded[gone], undefined, `${gone} no longer applies`);
  assert.equal(recorded.persistence, { enabled: false });
  assert.ok(chart.has('templates/cronjob.yaml'));
  assert.not.ok(chart.has('templates/deployment.yaml'));
});

test('the review: cancel writes nothing', async () => {
  const answers = {
    name: 'gone-app', imageRepository: 'ghcr.io/acme/gone-app', imageTag: '1.0.0', kind: 'CronJob', schedule: '0 3 * * *',
    timeZone: 'Etc/UTC', existingClaim: ' ', configKey1: ' ', secretKeys: ' ', component1Add: false, review: 'cancel: write nothing',
  };
  const run = await outcome(helpers.run(builtGenerator).withAnswers(answers, { throwOnMissingAnswer: true }));
  assert.is(run.error, undefined, run.error?.stack);
  assert.equal(run.askedQuestions.map((q) => q.name), Object.keys(answers));
  assert.equal([...run.files.keys()], [], 'no file is written');
});


test('inside a chart a newer k8s-chart made: rejects with one line, writes nothing, asked or not', async () => {
  // As `yo k8s-chart` runs without --force (yeoman-test's own default is force).
  const noForce = { force: false } as Parameters<Context['withOptions']>[0];
  for (const options of [{ ...answersOption(shopApi), ...noForce }, { ...askAnswered, ...noForce }]) {
    const chartDir = chartFromBin(shopApi, 'shop-api');
    const record = JSON.parse(readFileSync(join(chartDir, '.yo-rc.json'), 'utf8'));
    record['generator-k8s-chart'].version = '99.0.0';
    writeFileSync(join(chartDir, '.yo-rc.json'), JSON.stringify(record));
    const before = readTree(chartDir);
    const run = await inChart(chartDir, helpers.run(builtGenerator).withOptions(options));
    assert.instance(run.error, Error, 'the run must fail');
    assert.match(run.error!.message, /^\S+\.yo-rc\.json: made by k8s-chart 99\.0\.0, newer than this one \(.+\); update k8s-chart, or pass --force/);
    assert.is(treeDifference(run.files, before), '', 'nothing written');
  }
});

test.run();
