// `yo k8s-chart` as a user runs it: the packed package and yo installed globally into a fresh npm
// prefix (test/support/yo.ts, once for this file), run from a working folder of its own; first
// without a terminal (--answers, and the errors), then once for real in a terminal driven by tmux.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { load } from 'js-yaml';
import {
  binOutput,
  freshDir,
  installYo,
  readTree,
  recordedAnswers,
  repoRoot,
  runYo,
  testRoot,
  treeDifference,
  writePublicFile,
  yoEnv,
  assertNoYoRcAbove,
} from './support/yo.ts';

const shopApi = join(repoRoot, 'examples/shop-api.yaml');
const installing = installYo(); // starts now; the first test waits for it
installing.catch(() => {}); // reported by the tests that await it

/** A working folder for yo with the answers file beside it (not inside): `--answers ../answers/NAME`. */
function workWithAnswers(name: string, content: string): { work: string; answers: string; file: string } {
  const answersDir = freshDir('answers');
  const file = writePublicFile(join(answersDir, name), content);
  return { work: freshDir('work', true), answers: `../${basename(answersDir)}/${name}`, file };
}

const yaml = (chart: Map<string, Buffer>, path: string) => load(chart.get(path)!.toString('utf8')) as Record<string, any>;

test('npm pack + npm install -g: yo and the generator are in the prefix', async () => {
  const install = await installing;
  assert.ok(existsSync(join(install.prefix, 'lib/node_modules/generator-k8s-chart/dist/generators/app/index.js')));
  assert.ok(existsSync(join(install.prefix, 'lib/node_modules/generator-k8s-chart/dist/generators/component/index.js')), 'yo k8s-chart:component is in the package');
  assert.not.ok(
    existsSync(join(install.prefix, 'lib/node_modules/generator-k8s-chart/generators')),
    'the TypeScript sources are not shipped (yo would find generators/app/index.ts too)',
  );
  console.log(`    (npm pack + npm install -g: ${install.installMs} ms)`);
});

test('yo k8s-chart --answers FILE: exit 0, the same files as the bin writes', async () => {
  const { work, answers, file } = workWithAnswers('shop-api.yaml', readFileSync(shopApi, 'utf8'));
  const run = await runYo(['k8s-chart', '--answers', answers], work);
  assert.is(run.status, 0, `yo failed (${run.status}):\n${run.stdout}${run.stderr}`);
  assert.equal(readdirSync(work), ['shop-api']);
  const difference = treeDifference(readTree(join(work, 'shop-api')), binOutput(file, 'shop-api', (await installing).bin));
  assert.is(difference, '', difference);
  assert.match(run.stderr, 'create shop-api/Chart.yaml'); // Yeoman logs on stderr
  console.log(`    (yo k8s-chart --answers: ${run.ms} ms)`);
});

test('yo k8s-chart --answers FILE with a bad answer: non-zero, the field on stderr, nothing written', async () => {
  const { work, answers } = workWithAnswers('bad.yaml', readFileSync(shopApi, 'utf8').replace(/^name: shop-api$/m, 'name: Shop_API'));
  const run = await runYo(['k8s-chart', '--answers', answers], work);
  assert.is.not(run.status, 0, `yo succeeded:\n${run.stdout}${run.stderr}`);
  assert.match(run.stderr, /^name: must be a lowercase DNS-1123 label/m);
  assert.equal(readdirSync(work), [], 'nothing is written');
});

// The machine's own Node, where it is older than 22.18 (Debian's is 20 here): yo must say so.
const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find((path) => existsSync(path));
const systemNodeVersion = systemNode ? spawnSync(systemNode, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim() : '';
const [sysMajor = 0, sysMinor = 0] = systemNodeVersion.split('.').map(Number);
if (systemNode && (sysMajor < 22 || (sysMajor === 22 && sysMinor < 18))) {
  test(`yo k8s-chart on Node ${systemNodeVersion}: says it needs Node 22.18 or later, writes nothing`, async () => {
    const { work, answers } = workWithAnswers('shop-api.yaml', readFileSync(shopApi, 'utf8'));
    const run = await runYo(['k8s-chart', '--answers', answers], work, { node: systemNode });
    assert.is.not(run.status, 0, `yo succeeded:\n${run.stdout}${run.stderr}`);
    assert.match(`${run.stdout}${run.stderr}`, `k8s-chart needs Node.js 22.18 or later (this is v${systemNodeVersion})`);
    assert.not.match(`${run.stdout}${run.stderr}`, 'TEXT_ENCODINGS');
    assert.equal(readdirSync(work), []);
  });
}

test('yo k8s-chart without --answers and without a terminal: fails at once even with stdin open', async () => {
  const work = freshDir('work', true);
  const run = await runYo(['k8s-chart'], work, { keepStdinOpen: true, timeoutMs: 20_000 });
  assert.is.not(run.status, 0);
  assert.match(run.stderr, /^name: required$/m);
  assert.match(run.stderr, 'no terminal to ask the questions: pass --answers FILE');
  assert.equal(readdirSync(work), []);
});

// ---------------------------------------------------------------------------------------------
// The real thing: yo in a terminal (a tmux pane), answered key by key.

// A server of our own: its socket in our temporary folder (-S), removed with it; no tmux.conf.
const tmuxSocket = join(testRoot(), 'tmux.sock');
const tmuxEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'TMUX' && key !== 'TMUX_PANE'));

function tmux(...args: string[]): string {
  const result = spawnSync('tmux', ['-S', tmuxSocket, '-f', '/dev/null', ...args], { env: tmuxEnv, encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${result.stderr.trim()}`);
  return result.stdout;
}

const screen = () => tmux('capture-pane', '-p', '-J', '-t', 'yo');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls the pane until it shows text (or check passes); fails with the screen after timeoutMs. */
async function waitFor(what: string, check: (screen: string) => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = screen();
    if (check(last)) return;
    await sleep(25);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the terminal shows:\n${last.trimEnd()}`);
}
const waitForText = (text: string, timeoutMs?: number) => waitFor(JSON.stringify(text), (s) => s.includes(text), timeoutMs);

const type = (text: string) => tmux('send-keys', '-t', 'yo', '-l', text);
const press = (...keys: string[]) => tmux('send-keys', '-t', 'yo', ...keys);

/** Waits for the question, answers it (text, then the keys), waits for the answer to be taken. */
async function answer(question: string, text: string, keys: string[], shown: string): Promise<void> {
  await waitForText(`? ${question}`);
  if (text) type(text);
  press(...keys);
  await waitForText(`✔ ${question}${shown ? ` ${shown}` : ''}`);
}

/** The chart the interactive test wrote; the --ask-answered test updates it. */
let tmuxChart: string | undefined;

const quote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

/** Runs `yo ARGS` from `cwd` in a tmux pane, answers it with `drive`, then waits for it to exit 0
 * and checks that its last screen shows `create CREATED`; the tmux server goes at the end. */
async function yoInTmux(install: Awaited<typeof installing>, home: string, cwd: string, args: string, drive: () => Promise<void>, created: string): Promise<void> {
  const status = join(freshDir('status'), 'status');
  const env = yoEnv(install, home, { TERM: 'xterm-256color' });
  const script = join(freshDir('script'), 'run.sh');
  writePublicFile(
    script,
    [
      `cd ${quote(cwd)} || exit 99`,
      `env -i ${Object.entries(env).map(([key, value]) => `${key}=${quote(value!)}`).join(' ')} ${quote(install.yo)} ${args}`,
      `echo $? > ${quote(`${status}.tmp`)} && mv ${quote(`${status}.tmp`)} ${quote(status)}`,
      'sleep 60', // keep the pane (and yo's last words) until the test kills the server
    ].join('\n') + '\n',
  );
  try {
    tmux('new-session', '-d', '-s', 'yo', '-x', '200', '-y', '50', `sh ${quote(script)}`);
    await drive();
    const deadline = Date.now() + 20_000;
    while (!existsSync(status) && Date.now() < deadline) await sleep(25);
    const lastScreen = screen();
    assert.ok(existsSync(status), `yo did not end within 20 s; the terminal shows:\n${lastScreen}`);
    assert.is(readFileSync(status, 'utf8').trim(), '0', `yo failed; the terminal shows:\n${lastScreen}`);
    assert.match(lastScreen, `create ${created}`);
  } finally {
    rmSync(status, { force: true });
    try {
      tmux('kill-server');
    } catch {
      // already gone
    }
  }
}

test('yo k8s-chart in a terminal (tmux): asks, takes the answers, writes the chart, exits 0', async () => {
  const version = spawnSync('tmux', ['-V'], { encoding: 'utf8' });
  if (version.error) {
    throw new Error(`tmux is needed for this test and is not usable (${(version.error as NodeJS.ErrnoException).code}): apt-get install tmux`);
  }
  const install = await installing;
  const started = performance.now();
  const work = freshDir('work', true);
  const home = freshDir('home', true);
  assertNoYoRcAbove(work);
  await yoInTmux(install, home, work, 'k8s-chart', async () => {
    // A name the validator refuses is not taken: the prompt says why and asks again.
    await waitFor('the first question', (s) => s.includes('? Chart name'), 30_000);
    type('Tmux_App');
    press('Enter');
    await waitForText("must be a lowercase DNS-1123 label");
    press(...Array<string>('Tmux_App'.length).fill('BSpace'));
    await answer('Chart name', 'tmux-app', ['Enter'], 'tmux-app');

    // Pasted with its tag: split into repository and tag, and the tag is not asked.
    await answer('Image repository (e.g. ghcr.io/acme/app, or with its tag: ghcr.io/acme/app:1.4.2)', 'ghcr.io/acme/tmux-app:0.3.0', ['Enter'], 'ghcr.io/acme/tmux-app:0.3.0');
    await answer('Workload kind', '', ['Enter'], 'Deployment'); // the default
    await answer('Scale on CPU with a HorizontalPodAutoscaler (it then decides the replicas)?', 'n', ['Enter'], 'No');
    await answer('Replicas', '2', ['Enter'], '2');
    await answer('Container port (empty for a worker with no Service)', '8080', ['Enter'], '8080');
    await answer("The app's protocol on it (meshes and gateways read it from the port)", '', ['Enter'], 'http');
    await answer('Port of the Service (empty for 8080, the container port)', '', ['Enter'], '');
    await answer('Service type', '', ['Down', 'Enter'], 'NodePort'); // one below ClusterIP
    await answer('Service annotations (key=value, comma-separated, or a YAML map such as {key: "a,b"}; empty for none)', '', ['Enter'], '');
    await answer('How is it reached from outside the cluster?', '', ['Enter'], 'not at all');
    await answer('Health check of the app', '', ['Down', 'Enter'], 'http: a path answers 2xx or 3xx');
    await answer('Health check path', '/livez', ['Enter'], '/livez');
    await answer('Readiness check (the Service sends traffic only to ready pods)', '', ['Enter'], 'the same check');
    await answer('A startup check for a slow starter (the other checks wait until it passes)?', 'n', ['Enter'], 'No');
    await answer('Expose Prometheus metrics?', 'n', ['Enter'], 'No');
    await answer('A persistent volume?', 'n', ['Enter'], 'No');
    // One entry at a time: a value with a comma stays one value.
    await answer('Configuration: a key (empty for none; or all entries as a YAML map, e.g. {LOG_LEVEL: info, FEATURES: "a,b"})', 'LOG_LEVEL', ['Enter'], 'LOG_LEVEL');
    await answer('Value of LOG_LEVEL (kept as typed)', 'debug', ['Enter'], 'debug');
    await answer('Configuration: another key (empty when done)', 'GREETING', ['Enter'], 'GREETING');
    await answer('Value of GREETING (kept as typed)', 'hello, world', ['Enter'], 'hello, world');
    await answer('Configuration: another key (empty when done)', '', ['Enter'], '');
    await answer('Secret key names (comma-separated; values are set at install; empty for none)', '', ['Enter'], '');
    await answer('Add another component (a worker, a migration Job, a CronJob, a cache)?', '', ['Enter'], 'No');
    // The review, before anything is written: the answers and the files.
    await waitForText('? Write it, or change a section first?');
    const review = screen();
    assert.match(review, 'Review:');
    assert.match(review, 'GREETING: hello, world');
    assert.match(review, /Writes \d+ files into tmux-app\//);
    assert.not.ok(existsSync(join(work, 'tmux-app')), 'nothing is written before the review is answered');
    await answer('Write it, or change a section first?', '', ['Enter'], 'write the chart');
    await answer('Save these answers as an answers file, to regenerate the chart in CI (npx k8s-chart --answers FILE)?', 'y', ['Enter'], 'Yes');
    await answer('Answers file', '', ['Enter'], 'tmux-app.answers.yaml');
  }, 'tmux-app/Chart.yaml');

  assert.equal(readdirSync(work).sort(), ['tmux-app', 'tmux-app.answers.yaml']);
  const chart = readTree(join(work, 'tmux-app'));
  assert.is(yaml(chart, 'Chart.yaml').name, 'tmux-app');
  assert.is(yaml(chart, 'Chart.yaml').appVersion, '0.3.0');
  const values = yaml(chart, 'values.yaml');
  assert.equal(values.image.repository, 'ghcr.io/acme/tmux-app');
  assert.is(values.service.port, 8080);
  assert.is(values.service.type, 'NodePort');
  assert.equal(values.config.data, { LOG_LEVEL: 'debug', GREETING: 'hello, world' });
  for (const absent of ['templates/ingress.yaml', 'templates/secret.yaml', 'templates/hpa.yaml']) {
    assert.not.ok(chart.has(absent), `${absent} was not asked for`);
  }
  const recorded = recordedAnswers(chart);
  assert.equal(recorded.answers, {
    name: 'tmux-app',
    image: { repository: 'ghcr.io/acme/tmux-app', tag: '0.3.0' },
    workload: { kind: 'Deployment', replicas: 2 },
    service: { port: 8080, type: 'NodePort' },
    ingress: { enabled: false },
    probes: { liveness: { type: 'http', path: '/livez' } },
    metrics: { enabled: false },
    persistence: { enabled: false },
    config: { enabled: true, data: { LOG_LEVEL: 'debug', GREETING: 'hello, world' } },
    secrets: { enabled: false },
    autoscaling: { enabled: false },
  });
  const difference = treeDifference(chart, binOutput(recorded.file, 'tmux-app', install.bin));
  assert.is(difference, '', difference);
  // The saved answers file regenerates the same chart with the bin, as CI would run it.
  const saved = readFileSync(join(work, 'tmux-app.answers.yaml'), 'utf8');
  assert.match(saved, /^# yaml-language-server: \$schema=\S*schema\/answers\.schema\.json\n/);
  const fromSaved = treeDifference(chart, binOutput(join(work, 'tmux-app.answers.yaml'), 'tmux-app', install.bin));
  assert.is(fromSaved, '', fromSaved);
  tmuxChart = join(work, 'tmux-app');
  console.log(`    (interactive yo in tmux: ${Math.round(performance.now() - started)} ms)`);
});

test('yo k8s-chart --ask-answered in a terminal: every answer offered again, one changed; the chart updated, the edit kept', async () => {
  assert.ok(tmuxChart, 'the interactive test above wrote the chart');
  const install = await installing;
  const chartDir = tmuxChart!;
  const valuesPath = join(chartDir, 'values.yaml');
  writeFileSync(valuesPath, `# edited by hand\n${readFileSync(valuesPath, 'utf8')}`);
  const home = freshDir('home', true);
  const status = join(freshDir('status'), 'status');
  const env = yoEnv(install, home, { TERM: 'xterm-256color' });
  const script = join(freshDir('script'), 'run.sh');
  writePublicFile(
    script,
    [
      `cd ${quote(chartDir)} || exit 99`,
      `env -i ${Object.entries(env).map(([key, value]) => `${key}=${quote(value!)}`).join(' ')} ${quote(install.yo)} k8s-chart --ask-answered`,
      `echo $? > ${quote(`${status}.tmp`)} && mv ${quote(`${status}.tmp`)} ${quote(status)}`,
      'sleep 60',
    ].join('\n') + '\n',
  );
  const asked: string[] = [];
  let review = '';
  try {
    tmux('new-session', '-d', '-s', 'yo', '-x', '200', '-y', '50', `sh ${quote(script)}`);
    // Each question as it comes: Enter keeps the default (the stored answer), except the port.
    for (let count = 0; count < 60 && !existsSync(status); count++) {
      let question = '';
      await waitFor('a question or the end', (s) => {
        question = s.split('\n').filter((line) => line.startsWith('? ')).pop() ?? '';
        return (question !== '' && question !== asked.at(-1)) || existsSync(status);
      }, 20_000);
      if (existsSync(status)) break;
      asked.push(question);
      if (question.startsWith('? Container port')) {
        assert.match(question, '(8080)', 'the stored port is the default');
        type('9090');
      } else if (question.startsWith('? Write it, or change a section first?')) {
        review = screen();
      } else if (question.startsWith('? Save these answers')) {
        type('n');
      }
      press('Enter');
      await waitFor(`the answer to ${question}`, (s) => !s.split('\n').includes(question) || existsSync(status), 20_000);
    }
    const deadline = Date.now() + 20_000;
    while (!existsSync(status) && Date.now() < deadline) await sleep(25);
    const lastScreen = screen();
    assert.is(readFileSync(status, 'utf8').trim(), '0', `yo failed; the terminal shows:\n${lastScreen}`);
  } finally {
    try {
      tmux('kill-server');
    } catch {
      // already gone
    }
  }
  assert.ok(asked.some((q) => q.startsWith('? Chart name')), `answered questions are asked again: ${asked.join('\n')}`);
  assert.match(review, 'Changes in ./ (chart version 0.1.1):');
  assert.match(review, 'update values.yaml');
  const chart = readTree(chartDir);
  assert.ok(chart.get('values.yaml')!.toString('utf8').startsWith('# edited by hand\n'), 'the edit survives');
  assert.is(yaml(chart, 'values.yaml').service.port, 9090);
  assert.is(yaml(chart, 'Chart.yaml').version, '0.1.1');
  assert.is((recordedAnswers(chart).answers.service as { port: number }).port, 9090);
});

test('yo k8s-chart:component outside a chart, no terminal: one line, non-zero, nothing written', async () => {
  const work = freshDir('work', true);
  const run = await runYo(['k8s-chart:component', 'worker'], work, { timeoutMs: 20_000 });
  assert.is.not(run.status, 0, `yo succeeded:\n${run.stdout}${run.stderr}`);
  assert.match(run.stderr, 'yo k8s-chart:component: run it inside a chart that k8s-chart wrote');
  assert.not.match(run.stderr, 'not found', 'yo finds the subgenerator');
  assert.equal(readdirSync(work), []);
});

test('yo k8s-chart:component worker in a terminal (tmux), inside the chart: asks, stores, updates the chart', async () => {
  assert.ok(tmuxChart, 'the interactive test above wrote the chart');
  const install = await installing;
  const chartDir = tmuxChart!;
  const versionBefore = yaml(readTree(chartDir), 'Chart.yaml').version as string;
  const home = freshDir('home', true);
  await yoInTmux(install, home, chartDir, 'k8s-chart:component worker', async () => {
    await waitFor('the first question', (s) => s.includes('? Workload kind'), 30_000);
    await answer('Workload kind', '', ['Enter'], 'Deployment');
    await answer("Image (e.g. docker.io/valkey/valkey:8.1.1; empty for the chart's image)", '', ['Enter'], '');
    await answer("The container's command (words separated by spaces; empty for the image's own)", 'bin/worker', ['Enter'], 'bin/worker');
    await answer('Scale on CPU with a HorizontalPodAutoscaler (it then decides the replicas)?', 'n', ['Enter'], 'No');
    await answer('Replicas', '', ['Enter'], '1');
    await answer('Container port (empty for a worker with no Service)', '', ['Enter'], '');
    await answer('Liveness check of the worker: a command run in the container (words separated by spaces, e.g. /app/healthcheck --quiet)', 'bin/healthcheck', ['Enter'], 'bin/healthcheck');
    await answer('Expose Prometheus metrics?', 'n', ['Enter'], 'No');
    await answer('A persistent volume?', 'n', ['Enter'], 'No');
    await answer("Give it the chart's configuration (its ConfigMap)?", '', ['Enter'], 'Yes');
  }, 'templates/worker/deployment.yaml');
  const chart = readTree(chartDir);
  assert.equal(recordedAnswers(chart).answers.components, {
    worker: { workload: { kind: 'Deployment', command: ['bin/worker'], replicas: 1, livenessCommand: ['bin/healthcheck'] }, autoscaling: { enabled: false }, metrics: { enabled: false }, persistence: { enabled: false } },
  });
  assert.ok(chart.has('templates/worker/deployment.yaml'));
  const [major, minor, patch] = versionBefore.split('.').map(Number);
  assert.is(yaml(chart, 'Chart.yaml').version, `${major}.${minor}.${patch! + 1}`, 'the patch version is bumped');
  assert.ok(chart.get('values.yaml')!.toString('utf8').startsWith('# edited by hand\n'), 'the edit survives');
});

test.run();
