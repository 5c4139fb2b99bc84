// `yo k8s-chart:component NAME` through yeoman-test: the built subgenerator
// (dist/generators/component/index.js; run `npm run build` first) run inside a chart the bin wrote,
// and the main generator's "Add another component?" path. Helm renders the charts it updates.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import helpers from 'yeoman-test';
import { builtGenerator, freshDir, readTree, recordedAnswers, repoRoot } from './support/yo.ts';
import { answersFile, runBin } from './support/bin.ts';
import { helms, helmTemplate } from './support/helm.ts';

const componentGenerator = join(repoRoot, 'dist/generators/component/index.js');

const HELLO = readFileSync(join(repoRoot, 'examples/hello.yaml'), 'utf8');

/** A chart as the bin writes it: <dir>/hello/. */
function committedChart(): string {
  const output = freshDir('chart');
  const run = runBin(['--answers', answersFile(HELLO), '--output', output]);
  if (run.status !== 0) throw new Error(`k8s-chart failed: ${run.stderr}`);
  return join(output, 'hello');
}

type Context = ReturnType<typeof helpers.run>;

/** Runs a prepared context to its end in `dir`: the questions asked, or the error it failed with. */
async function outcome(context: Context) {
  try {
    const result = await context;
    return { error: undefined, asked: result.askedQuestions };
  } catch (error) {
    return { error: error as Error, asked: [] as Array<{ name: string; answer: unknown }> };
  }
}

/** The subgenerator run in `dir` with NAME, writing to disk as a user's yo does (no forced writes). */
const runComponent = (dir: string, args: string[], answers: Record<string, unknown>) =>
  outcome(
    helpers
      .run(componentGenerator, {}, { force: false } as never)
      .withOptions({ force: false } as never)
      .cd(dir)
      .withArguments(args)
      .withAnswers(answers, { throwOnMissingAnswer: true }),
  );

const WORKER = {
  kind: 'Deployment',
  image: ' ', // the chart's image
  command: 'bin/worker --queue default',
  autoscaling: false,
  replicas: '2',
  port: ' ', // a worker: no Service
  livenessCommand: 'bin/healthcheck',
  metrics: false,
  persistence: false,
};

const yamlOf = (dir: string, path: string) => load(readFileSync(join(dir, path), 'utf8')) as Record<string, any>;

/** The main Deployment's selector as Helm renders the chart. */
async function mainSelector(dir: string): Promise<unknown> {
  const [helm] = await helms();
  const rendered = helmTemplate(helm!.bin, dir, { showOnly: ['templates/deployment.yaml'] });
  assert.ok(rendered.ok, rendered.output);
  return rendered.docs.find((doc) => doc.kind === 'Deployment')!.spec.selector;
}

test('yo k8s-chart:component worker: asks kind first and only what a worker needs, stores it, updates the chart', async () => {
  const chart = committedChart();
  const selectorBefore = await mainSelector(chart);
  const run = await runComponent(chart, ['worker'], WORKER);
  assert.is(run.error, undefined, run.error?.stack);
  assert.equal(run.asked.map((q) => q.name), Object.keys(WORKER), 'the questions asked, in order');
  const tree = readTree(chart);
  assert.equal(recordedAnswers(tree).answers.components, {
    worker: { workload: { kind: 'Deployment', command: ['bin/worker', '--queue', 'default'], replicas: 2, livenessCommand: ['bin/healthcheck'] }, autoscaling: { enabled: false }, metrics: { enabled: false }, persistence: { enabled: false } },
  });
  assert.ok(tree.has('templates/worker/deployment.yaml'), [...tree.keys()].join('\n'));
  assert.not.ok(tree.has('templates/worker/service.yaml'), 'a worker has no Service');
  assert.is(yamlOf(chart, 'Chart.yaml').version, '0.1.1', 'the patch version is bumped');
  assert.equal(yamlOf(chart, 'values.yaml').components.worker.replicaCount, 2);
  assert.equal(await mainSelector(chart), selectorBefore, "the main workload's selector is unchanged");
  // Helm renders the worker as a Deployment of its own, whose pods the main selector does not match.
  const [helm] = await helms();
  const rendered = helmTemplate(helm!.bin, chart);
  assert.ok(rendered.ok, rendered.output);
  const deployments = rendered.docs.filter((doc) => doc.kind === 'Deployment');
  assert.is(deployments.length, 2);
  const worker = deployments.find((doc) => doc.metadata.name !== 'release-name-hello')!;
  assert.equal(worker.spec.template.spec.containers[0].command, ['bin/worker', '--queue', 'default']);
});

test('yo k8s-chart:component again on an existing component: its answers are the defaults; kept, the chart unchanged', async () => {
  const chart = committedChart();
  assert.is((await runComponent(chart, ['worker'], WORKER)).error, undefined);
  const before = readTree(chart);
  // No answer mocked: each question takes its default, which must be the stored answer.
  const run = await outcome(
    helpers.run(componentGenerator, {}, { force: false } as never).withOptions({ force: false } as never).cd(chart).withArguments(['worker']).withAnswers({}),
  );
  assert.is(run.error, undefined, run.error?.stack);
  const defaults = Object.fromEntries(run.asked.map((q) => [q.name, q.answer]));
  assert.equal(defaults.kind, 'Deployment');
  assert.equal(defaults.command, 'bin/worker --queue default');
  assert.equal(defaults.replicas, '2');
  assert.equal(defaults.livenessCommand, 'bin/healthcheck');
  const after = readTree(chart);
  assert.equal([...after.keys()], [...before.keys()]);
  for (const [path, bytes] of before) assert.ok(bytes.equals(after.get(path)!), `${path} unchanged`);
});

test('yo k8s-chart:component --answers FILE: refused in one line (the file is the main generator\'s), nothing written', async () => {
  const chart = committedChart();
  const before = readTree(chart);
  const run = await outcome(
    helpers.run(componentGenerator, {}, { force: false } as never).withOptions({ force: false, answers: answersFile(HELLO) } as never).cd(chart).withArguments(['worker']).withAnswers(WORKER),
  );
  assert.instance(run.error, Error);
  assert.is(run.error!.message.split('\n').length, 1, run.error!.message);
  assert.match(run.error!.message, 'yo k8s-chart:component takes no --answers');
  const after = readTree(chart);
  for (const [path, bytes] of before) assert.ok(bytes.equals(after.get(path)!), `${path} unchanged`);
});

test('yo k8s-chart:component outside a chart k8s-chart wrote: one line, nothing written', async () => {
  const dir = freshDir('not-a-chart');
  const run = await runComponent(dir, ['worker'], WORKER);
  assert.instance(run.error, Error);
  assert.is(run.error!.message.split('\n').length, 1, run.error!.message);
  assert.match(run.error!.message, 'run it inside a chart that k8s-chart wrote');
  assert.equal([...readTree(dir).keys()], []);
});

for (const [name, expected] of [
  ['Worker_1', /^Worker_1: a component's name must be a lowercase DNS-1123 label/],
  ['hello', /^components\.hello: must differ from the chart's name hello/],
  ['db-test', /^components\.db-test: names ending in test are the chart's own objects'/],
  ['', /the component's name is required/],
] as const) {
  test(`yo k8s-chart:component ${JSON.stringify(name)}: refused in one line, nothing asked or written`, async () => {
    const chart = committedChart();
    const before = readTree(chart);
    const run = await runComponent(chart, name ? [name] : [], WORKER);
    assert.instance(run.error, Error);
    assert.is(run.error!.message.split('\n').length, 1, run.error!.message);
    assert.match(run.error!.message, expected);
    const after = readTree(chart);
    assert.equal([...after.keys()], [...before.keys()]);
    for (const [path, bytes] of before) assert.ok(bytes.equals(after.get(path)!), `${path} unchanged`);
  });
}

test('yo k8s-chart: "Add another component?" adds a migration Job and a nightly CronJob (the chart\'s config and secrets asked per component); no component by default', async () => {
  const main = {
    name: 'multi',
    imageRepository: 'ghcr.io/acme/multi:1.0.0',
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
    configKey1: 'LOG_LEVEL',
    configValue1: 'info',
    configKey2: ' ',
    secretKeys: 'DATABASE_PASSWORD',
    secretProvided: ' ',
  };
  const components = {
    component1Add: true,
    component1Name: 'migrate',
    component1Kind: 'Job',
    component1Image: ' ',
    component1Command: 'bin/migrate',
    component1Hook: 'pre-install,pre-upgrade',
    component1ExistingClaim: ' ',
    component1UseConfig: true,
    component1UseSecrets: false, // a pre-install Job runs before the release's Secret exists
    component2Add: true,
    component2Name: 'nightly',
    component2Kind: 'CronJob',
    component2Image: ' ',
    component2Command: 'bin/report',
    component2Schedule: '0 3 * * *',
    component2TimeZone: 'Europe/Paris',
    component2ExistingClaim: ' ',
    component2UseConfig: false,
    component2UseSecrets: true,
    component3Add: false,
  };
  const answers = { ...main, ...components, review: 'write the chart', saveAnswers: false };
  const context = helpers.run(builtGenerator).withAnswers(answers, { throwOnMissingAnswer: true });
  const run = await outcome(context);
  assert.is(run.error, undefined, run.error?.stack);
  assert.equal(run.asked.map((q) => q.name), Object.keys(answers), 'the questions asked, in order');
  const chart = join(context.targetDirectory!, 'multi');
  assert.equal(recordedAnswers(readTree(chart)).answers.components, {
    migrate: { workload: { kind: 'Job', command: ['bin/migrate'], hook: 'pre-install,pre-upgrade' }, persistence: { enabled: false }, secrets: false },
    nightly: { workload: { kind: 'CronJob', command: ['bin/report'], schedule: '0 3 * * *', timeZone: 'Europe/Paris' }, persistence: { enabled: false }, config: false },
  });
  const tree = readTree(chart);
  assert.ok(tree.has('templates/migrate/job.yaml'), [...tree.keys()].join('\n'));
  assert.ok(tree.has('templates/nightly/cronjob.yaml'), [...tree.keys()].join('\n'));
  context.cleanupTemporaryDir();

  // Said no at once: no component, and nothing else asked about components.
  const none = helpers.run(builtGenerator).withAnswers({ ...main, component1Add: false, review: 'write the chart', saveAnswers: false }, { throwOnMissingAnswer: true });
  const plain = await outcome(none);
  assert.is(plain.error, undefined, plain.error?.stack);
  assert.equal(plain.asked.filter((q) => q.name.startsWith('component')).map((q) => q.name), ['component1Add']);
  assert.is(recordedAnswers(readTree(join(none.targetDirectory!, 'multi'))).answers.components, undefined);
  none.cleanupTemporaryDir();
});

test('the bin from an answers file with components: the same chart as the questions write', async () => {
  const file = answersFile(`${HELLO}components:\n  worker:\n    workload: {kind: Deployment, replicas: 2, command: [bin/worker, --queue, default], livenessCommand: [bin/healthcheck]}\n    autoscaling: {enabled: false}\n    persistence: {enabled: false}\n`);
  const output = freshDir('bin-components');
  const run = runBin(['--answers', file, '--output', output]);
  assert.is(run.status, 0, run.stderr);
  const chart = committedChart();
  assert.is((await runComponent(chart, ['worker'], WORKER)).error, undefined);
  const fromBin = readTree(join(output, 'hello'));
  const fromYo = readTree(chart);
  // The same templates and values; Chart.yaml's version differs (the yo chart was updated once).
  for (const path of ['values.yaml', 'templates/worker/deployment.yaml', 'templates/deployment.yaml', 'values.schema.json']) {
    assert.ok(fromBin.get(path)!.equals(fromYo.get(path)!), `${path}: the same from the bin and from yo k8s-chart:component`);
  }
});

test.run();
