// The bin as a user runs it: exit codes, messages naming the field, and a disk left untouched.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { answersFile, runBin, tempDir } from './support/bin.ts';
import { answersSchema } from '../src/answers/schema.ts';
import { binPath, examplesDir, listFiles, repoRoot } from './support/paths.ts';
import { spawnSync } from 'node:child_process';

const good = `name: demo
image:
  repository: ghcr.io/acme/demo
  tag: "2.0.1"
service:
  port: 8080
`;

test('writes the chart to DIR/<name>/ and exits 0', () => {
  const out = tempDir();
  const run = runBin(['--answers', answersFile(good), '--output', out]);
  assert.is(run.status, 0, run.stderr);
  assert.is(run.stderr, '');
  assert.ok(existsSync(join(out, 'demo/Chart.yaml')));
  assert.match(readFileSync(join(out, 'demo/Chart.yaml'), 'utf8'), /^name: demo$/m);
});

test('after writing, the next steps: lint, install with the secret keys it takes, the README', () => {
  const out = tempDir();
  const run = runBin(['--answers', answersFile(`${good}secrets:\n  keys: [DB_PASSWORD, API_TOKEN]\n`), '--output', 'charts'], { cwd: out });
  assert.is(run.status, 0, run.stderr);
  assert.match(run.stdout, /wrote \d+ files\nNext steps:\n  helm lint \.\/charts\/demo\n  helm install demo \.\/charts\/demo --set-string secrets\.values\.DB_PASSWORD=\.\.\. --set-string secrets\.values\.API_TOKEN=\.\.\.\n/);
  assert.match(run.stdout, /\.\/charts\/demo\/README\.md explains every value/);
  assert.ok(existsSync(join(out, 'charts/demo/README.md')), 'the README it names is there');
});

test('a flag of the other way of running is refused, never dropped: --dry-run without --answers, --save-answers with it', () => {
  const dryRun = runBin(['--dry-run']);
  assert.is(dryRun.status, 2);
  assert.match(dryRun.stderr, /^k8s-chart: --dry-run goes with --answers FILE$/m);
  const out = tempDir();
  const save = runBin(['--answers', answersFile(good), '--output', out, '--save-answers', join(out, 'x.yaml')]);
  assert.is(save.status, 2);
  assert.match(save.stderr, /^k8s-chart: --save-answers is for the questions/m);
  assert.equal(readdirSync(out), [], 'nothing written');
});

test('the same answers give byte-identical files, and a second run changes nothing', () => {
  const file = answersFile(good);
  const first = tempDir();
  const second = tempDir();
  assert.is(runBin(['--answers', file, '--output', first]).status, 0);
  assert.is(runBin(['--answers', file, '--output', second]).status, 0);
  const files = listFiles(join(first, 'demo'));
  assert.equal(files, listFiles(join(second, 'demo')));
  for (const path of files) {
    assert.ok(readFileSync(join(first, 'demo', path)).equals(readFileSync(join(second, 'demo', path))), path);
  }
  const again = runBin(['--answers', file, '--output', first]);
  assert.is(again.status, 0, again.stderr);
  assert.match(again.stdout, /up to date/);
});

test('the output goes to the current directory by default', () => {
  const cwd = tempDir();
  assert.is(runBin(['--answers', answersFile(good)], { cwd }).status, 0);
  assert.ok(existsSync(join(cwd, 'demo/values.yaml')));
});

const badAnswers: Array<[string, string, string[]]> = [
  ['wrong kind', `${good}workload:\n  kind: Pod\n`, ['workload.kind: must be one of Deployment, StatefulSet, DaemonSet, Job, CronJob']],
  ['CronJob without schedule', good.replace('service:\n  port: 8080\n', 'workload:\n  kind: CronJob\n'), ['workload.schedule: required when workload.kind is CronJob']],
  // A typo is one problem: the rules read it as the key it was meant to be.
  ['typo', good.replace('tag:', 'tga:'), ['image.tga: unknown key; did you mean tag? (allowed here: repository, tag, digest, pullPolicy)']],
  ['typo at the top', good.replace('service:', 'servce:'), [`servce: unknown key; did you mean service? (allowed here: ${Object.keys((answersSchema as { properties: object }).properties).join(', ')})`]],
  ['capitals', good.replace('name: demo', 'name: Demo'), ["name: must be a lowercase DNS-1123 label: a-z, 0-9 and '-', starting with a letter, at most 53 characters"]],
  ['port 70000', good.replace('8080', '70000'), ['service.port: must be <= 65535']],
  ['min > max', `${good}autoscaling:\n  enabled: true\n  minReplicas: 5\n  maxReplicas: 2\n`, ['autoscaling.minReplicas: autoscaling.minReplicas (5) must not exceed autoscaling.maxReplicas (2)']],
  ['no tag', good.replace('  tag: "2.0.1"\n', ''), ['image.tag: required unless image.digest or appVersion is set']],
  ['ingress without host', `${good}ingress:\n  enabled: true\n`, ['ingress.host: required when ingress.enabled is true']],
  ['secret key', `${good}secrets:\n  keys: [db-password]\n`, ['secrets.keys[0]: must be an environment variable name: letters, digits and "_", not starting with a digit']],
];

for (const [title, content, expected] of badAnswers) {
  test(`bad answers (${title}): field-path errors on stderr, exit 1, nothing written`, () => {
    const out = tempDir();
    const run = runBin(['--answers', answersFile(content), '--output', out]);
    assert.is(run.status, 1);
    assert.equal(run.stderr.trimEnd().split('\n').toSorted(), expected.toSorted());
    assert.is(run.stdout, '');
    assert.equal(readdirSync(out), []);
  });
}

test('an unparsable file gets one line: FILE: not valid YAML or JSON: reason (line:col)', () => {
  const out = tempDir();
  const file = answersFile('name: demo\nimage: [unclosed\n');
  const run = runBin(['--answers', file, '--output', out]);
  assert.is(run.status, 1);
  const lines = run.stderr.trimEnd().split('\n');
  assert.is(lines.length, 1, run.stderr);
  assert.match(lines[0]!, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid YAML or JSON: .+ \\(\\d+:\\d+\\)$`));
  assert.equal(readdirSync(out), []);
});

test('JSON answers work as YAML ones do', () => {
  const out = tempDir();
  const json = JSON.stringify({ name: 'demo', image: { repository: 'ghcr.io/acme/demo', tag: '2.0.1' }, service: { port: 8080 } });
  assert.is(runBin(['--answers', answersFile(json, 'answers.json'), '--output', out]).status, 0);
  assert.ok(existsSync(join(out, 'demo/templates/deployment.yaml')));
});

test('a missing answers file is one clear line', () => {
  const run = runBin(['--answers', '/nonexistent/answers.yaml']);
  assert.is(run.status, 1);
  assert.is(run.stderr, '/nonexistent/answers.yaml: cannot read: ENOENT\n');
});

test('an unknown option is refused with the usage', () => {
  const run = runBin(['--answer', 'x']);
  assert.is(run.status, 2);
  assert.match(run.stderr, /Unknown option '--answer'/);
  assert.match(run.stderr, /Usage: k8s-chart --answers FILE/);
});

test('without --answers and without a terminal it asks nothing and fails at once', () => {
  const run = runBin([]);
  assert.is(run.status, 2);
  assert.match(run.stderr, /no terminal/);
});

test('--dry-run prints a unified diff and writes nothing', () => {
  const out = tempDir();
  const run = runBin(['--answers', answersFile(good), '--output', out, '--dry-run']);
  assert.is(run.status, 0, run.stderr);
  assert.match(run.stdout, /^--- \/dev\/null\n\+\+\+ b\/Chart\.yaml\n@@ -0,0 \+1,\d+ @@\n\+apiVersion: v2\n/m);
  assert.equal(readdirSync(out), []);
});

test('a directory the generator did not make is left alone without --force', () => {
  const out = tempDir();
  const file = answersFile(good);
  assert.is(runBin(['--answers', file, '--output', out]).status, 0);
  rmSync(join(out, 'demo/.yo-rc.json'));
  writeFileSync(join(out, 'demo/values.yaml'), 'edited: true\n');
  const run = runBin(['--answers', file, '--output', out]);
  assert.is(run.status, 1);
  assert.match(run.stderr, /was not made by k8s-chart/);
  assert.is(readFileSync(join(out, 'demo/values.yaml'), 'utf8'), 'edited: true\n');
  assert.not.ok(existsSync(join(out, 'demo/.yo-rc.json')));
});

test('a chart of ours edited by the user: the same answers keep the edit and change nothing', () => {
  const out = tempDir();
  const file = answersFile(good);
  assert.is(runBin(['--answers', file, '--output', out]).status, 0);
  const values = join(out, 'demo/values.yaml');
  const edited = readFileSync(values, 'utf8').replace('replicaCount: 1', 'replicaCount: 4');
  writeFileSync(values, edited);
  const again = runBin(['--answers', file, '--output', out]);
  assert.is(again.status, 0, again.stderr);
  assert.match(again.stdout, /up to date/);
  assert.is(readFileSync(values, 'utf8'), edited);
});

test('the --answers path does not load Yeoman', () => {
  const out = tempDir();
  const denyYeoman = join(repoRoot, 'test/support/deny-yeoman.mjs');
  const run = spawnSync(process.execPath, ['--import', denyYeoman, binPath, '--answers', answersFile(good), '--output', out], {
    encoding: 'utf8',
  });
  assert.is(run.status, 0, run.stderr);
  assert.ok(existsSync(join(out, 'demo/Chart.yaml')));
  // The hook itself works: the interactive module, which needs Yeoman, fails to load under it.
  const probe = spawnSync(process.execPath, ['--import', denyYeoman, '-e', `await import(${JSON.stringify(join(repoRoot, 'dist/generators/app/interactive.js'))})`, '--input-type=module'], { encoding: 'utf8' });
  assert.is.not(probe.status, 0);
  assert.match(probe.stderr, /loaded yeoman-environment on the --answers path/);
});

test('the bin keeps V8 code of a generation beside Node\'s compile cache; a damaged cache is refused by V8 and made again', () => {
  const cacheDir = tempDir('k8s-chart-cache-');
  const env = { ...process.env, NODE_COMPILE_CACHE: cacheDir };
  const generate = () => {
    const out = tempDir();
    const run = spawnSync(process.execPath, [binPath, '--answers', answersFile(good), '--output', out], { encoding: 'utf8', env });
    assert.is(run.status, 0, run.stderr);
    assert.is(run.stderr, '');
    return listFiles(join(out, 'demo')).map((path) => `${path}\n${readFileSync(join(out, 'demo', path), 'latin1')}`);
  };
  const caches = () => readdirSync(cacheDir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.v8-cache'));
  const first = generate();
  assert.is(caches().length, 1, 'one cache, named by the bundle');
  const cache = join(cacheDir, caches()[0]!);
  const made = readFileSync(cache);
  assert.ok(made.length > 100_000, `${made.length} bytes: the functions a generation compiled`);
  assert.equal(generate(), first, 'the same chart from the cache');
  assert.ok(readFileSync(cache).equals(made), 'a cache V8 took is not written again');
  // Bytes flipped in the middle: V8 itself checks only versions, flags and lengths, and would crash.
  const damaged = Buffer.from(made);
  for (let i = 0; i < 2000; i++) damaged[Math.floor(made.length / 2) + i] ^= 0xff;
  writeFileSync(cache, damaged);
  assert.equal(generate(), first, 'the same chart past a damaged cache');
  const remade = readFileSync(cache);
  assert.ok(remade.length > 100_000 && !remade.equals(damaged), 'the damaged cache made again');
  generate();
  assert.ok(readFileSync(cache).equals(remade), 'and taken by the next run');
  // NODE_DISABLE_COMPILE_CACHE turns both caches off.
  rmSync(cache);
  const off = spawnSync(process.execPath, [binPath, '--answers', answersFile(good), '--output', tempDir()], { encoding: 'utf8', env: { ...env, NODE_DISABLE_COMPILE_CACHE: '1' } });
  assert.is(off.status, 0, off.stderr);
  assert.equal(caches(), []);
});

test('a reader that closes the pipe early (`--dry-run | head -1`) ends the run quietly, exit 0', () => {
  const command = `set -o pipefail; "${process.execPath}" "${binPath}" --answers "${answersFile(good)}" --output "${tempDir()}" --dry-run | head -1`;
  const run = spawnSync('bash', ['-c', command], { encoding: 'utf8' });
  assert.is(run.stdout, '--- /dev/null\n');
  assert.is(run.stderr, '');
  assert.is(run.status, 0);
});

test('k8s-chart check reads rendered manifests on stdin: findings, exit 1; clean, exit 0', () => {
  const bad = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:latest\n';
  const run = runBin(['check', '-'], { input: bad });
  assert.is(run.status, 1);
  assert.match(run.stdout, /^image-pinned Pod\/p spec\.containers\[0\]\.image: /m);
  const rules = runBin(['check', '--rules']);
  assert.is(rules.status, 0);
  assert.match(rules.stdout, /pss-run-as-non-root/);
});

test('every example answers file is accepted by the bin', () => {
  for (const file of readdirSync(examplesDir).filter((name) => name.endsWith('.yaml'))) {
    const run = runBin(['--answers', join(examplesDir, file), '--output', tempDir(), '--dry-run']);
    assert.is(run.status, 0, `${file}: ${run.stderr}`);
  }
});

test.run();
