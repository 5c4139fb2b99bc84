// Updating a chart the user committed and edited, in real temporary git repositories: edits kept,
// new parts added, conflicts refused with nothing written, interrupted updates completed or rolled
// back, and `yo k8s-chart` run inside the chart directory.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { basePath, readBase, writeBase } from './support/base.ts';
import { GENERATOR_VERSION } from '../src/version.generated.js';
import { olderThan } from '../src/update/migrate.ts';
import semverLt from 'semver/functions/lt.js';
import helpers from 'yeoman-test';
import { answersFile, runBin, tempDir } from './support/bin.ts';
import { helms, helmLint } from './support/helm.ts';
import { binPath, listFiles } from './support/paths.ts';
import { builtGenerator, freshDir, installYo, runYo, writePublicFile } from './support/yo.ts';
import { migrateAnswers } from '../src/update/migrate.ts';
import { mergeFile } from '../src/update/merge.ts';
import { shopAnswers } from './support/answers.ts';

const binaries = await helms();

const firstAnswers = shopAnswers;

// Later: a new secret key, a changed config value, Ingress on.
const secondAnswers = `${firstAnswers.replace('LOG_LEVEL: info', 'LOG_LEVEL: debug').replace('keys: [DB_PASSWORD]', 'keys: [DB_PASSWORD, API_TOKEN]')}ingress:
  enabled: true
  host: shop.example.com
`;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd, encoding: 'utf8' });
}

/** A repository with the generated chart committed; returns the repo and the chart directory. */
function committedChart(answers = firstAnswers): { repo: string; chart: string } {
  const repo = tempDir('k8s-chart-repo-');
  git(repo, 'init', '-q');
  const run = runBin(['--answers', answersFile(answers), '--output', repo]);
  assert.is(run.status, 0, run.stderr);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'chart');
  return { repo, chart: join(repo, 'shop') };
}

const read = (chart: string, path: string) => readFileSync(join(chart, path), 'utf8');
const edit = (chart: string, path: string, change: (text: string) => string) =>
  writeFileSync(join(chart, path), change(read(chart, path)));

/** The user's edits: a comment and a value in values.yaml, an annotation in a template, a file. */
function userEdits(chart: string): void {
  edit(chart, 'values.yaml', (text) =>
    text.replace('replicaCount: 1', '# Two replicas since the launch.\nreplicaCount: 2'),
  );
  edit(chart, 'templates/deployment.yaml', (text) =>
    text.replace('  labels:\n', '  annotations:\n    example.com/owner: shop-team\n  labels:\n'),
  );
  writeFileSync(join(chart, 'templates/extra-configmap.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n');
}

function update(chart: string, answers: string, ...flags: string[]) {
  return runBin(['--answers', answersFile(answers), '--output', join(chart, '..'), ...flags]);
}

test('an update keeps the edits, adds the new parts, bumps the version and lints on Helm 3 and 4', () => {
  const { repo, chart } = committedChart();
  userEdits(chart);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'edits');

  const run = update(chart, secondAnswers);
  assert.is(run.status, 0, run.stderr);
  assert.match(run.stdout, /updated \d+ files, chart version 0\.1\.1/);
  // Said file by file: what was created, updated, and how many were kept.
  assert.match(run.stdout, /^  created templates\/ingress\.yaml$/m);
  assert.match(run.stdout, /^  updated values\.yaml$/m);
  assert.match(run.stdout, /^  kept \d+ files as they were$/m);
  assert.not.match(run.stdout, /\.yo-rc\.json|base\.json/, 'the records are not the user\'s files');
  // The user's edits, byte for byte.
  assert.match(read(chart, 'values.yaml'), /# Two replicas since the launch.\nreplicaCount: 2\n/);
  assert.match(read(chart, 'templates/deployment.yaml'), /  annotations:\n    example.com\/owner: shop-team\n  labels:\n/);
  assert.ok(existsSync(join(chart, 'templates/extra-configmap.yaml')), 'the added file stays');
  // The new answers.
  assert.ok(existsSync(join(chart, 'templates/ingress.yaml')), 'Ingress on');
  assert.match(read(chart, 'values.yaml'), /keys:\n\s+- DB_PASSWORD\n\s+- API_TOKEN\n/);
  assert.match(read(chart, 'values.yaml'), /LOG_LEVEL: debug/);
  assert.match(read(chart, 'Chart.yaml'), /^version: 0\.1\.1$/m);
  for (const helm of binaries) {
    const lint = helmLint(helm.bin, chart);
    assert.ok(lint.ok, `${helm.version}: ${lint.output}`);
  }

  // The same answers again: not a byte changes.
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'update');
  const again = update(chart, secondAnswers);
  assert.is(again.status, 0, again.stderr);
  assert.match(again.stdout, /up to date/);
  assert.is(git(repo, 'status', '--porcelain'), '');
});

test('the generator and the user changing the same lines: exit 1, the file and lines named, nothing written', () => {
  const { repo, chart } = committedChart();
  edit(chart, 'values.yaml', (text) => text.replace('LOG_LEVEL: info', 'LOG_LEVEL: warn'));
  git(repo, 'commit', '-qam', 'warn');
  const run = update(chart, secondAnswers);
  assert.is(run.status, 1);
  assert.match(run.stderr, new RegExp(`${join(chart, 'values.yaml').replace(/[/.]/g, '\\$&')}: line \\d+`));
  assert.match(run.stderr, /--force/);
  // Both sides' lines, as the user must choose between them.
  assert.match(run.stderr, /: line \d+: changed by you and by the generator\n  yours:\n    \|     LOG_LEVEL: warn\n  the generator's:\n    \|     LOG_LEVEL: debug\n/);
  assert.is(run.stdout, '');
  assert.is(git(repo, 'status', '--porcelain'), '', 'nothing written');

  // --force: the generator's side of the conflicting lines, the rest merged.
  edit(chart, 'templates/service.yaml', (text) => text.replace('spec:\n', 'spec:\n  # mine\n'));
  const forced = update(chart, secondAnswers, '--force');
  assert.is(forced.status, 0, forced.stderr);
  assert.match(forced.stderr, /values\.yaml: conflicting lines take the generator's side/);
  assert.match(read(chart, 'values.yaml'), /LOG_LEVEL: debug/);
  assert.match(read(chart, 'templates/service.yaml'), /spec:\n  # mine\n/);
  assert.ok(existsSync(join(chart, 'templates/ingress.yaml')));
});

test('--dry-run prints a unified diff and leaves the tree as it was', () => {
  const { repo, chart } = committedChart();
  const run = update(chart, secondAnswers, '--dry-run');
  assert.is(run.status, 0, run.stderr);
  assert.match(run.stdout, /^--- \/dev\/null\n\+\+\+ b\/templates\/ingress\.yaml\n/m);
  assert.match(run.stdout, /^--- a\/values\.yaml\n\+\+\+ b\/values\.yaml\n/m);
  assert.match(run.stdout, /^-version: 0\.1\.0\n\+version: 0\.1\.1$/m);
  assert.is(git(repo, 'status', '--porcelain'), '');
});

test('a part switched off goes where unedited; an edited file of it stops the run unless --force; deleted files stay deleted', () => {
  const { repo, chart } = committedChart(secondAnswers);
  rmSync(join(chart, 'templates/tests/test-connection.yaml'));
  const withoutIngress = secondAnswers.replace('ingress:\n  enabled: true', 'ingress:\n  enabled: false');
  const off = update(chart, withoutIngress);
  assert.is(off.status, 0, off.stderr);
  assert.not.ok(existsSync(join(chart, 'templates/ingress.yaml')), 'unedited: removed');
  assert.not.ok(existsSync(join(chart, 'templates/tests/test-connection.yaml')), 'deleted by the user: stays deleted');

  git(repo, 'checkout', '-q', '--', '.');
  git(repo, 'clean', '-qfd');
  edit(chart, 'templates/ingress.yaml', (text) => `# our own tweaks\n${text}`);
  const refused = update(chart, withoutIngress);
  assert.is(refused.status, 1);
  assert.match(refused.stderr, /templates\/ingress\.yaml: edited by you, and its part is now switched off/);
  assert.ok(existsSync(join(chart, 'templates/ingress.yaml')), 'nothing written');
  const forced = update(chart, withoutIngress, '--force');
  assert.is(forced.status, 0, forced.stderr);
  assert.match(forced.stderr, /templates\/ingress\.yaml: removed although you edited it/);
  assert.not.ok(existsSync(join(chart, 'templates/ingress.yaml')));
  for (const helm of binaries) assert.ok(helmLint(helm.bin, chart).ok, `${helm.version}: the chart still lints`);
});

test('a file the user deleted that the new generation changes: left deleted, and said', () => {
  const { chart } = committedChart();
  rmSync(join(chart, 'templates/NOTES.txt'));
  const run = update(chart, secondAnswers);
  assert.is(run.status, 0, run.stderr);
  assert.match(run.stderr, /templates\/NOTES\.txt: not applied: you deleted it, and this generation changes it/);
  assert.not.ok(existsSync(join(chart, 'templates/NOTES.txt')));
});

test('an answer given as null removes the stored one', () => {
  const { chart } = committedChart();
  const run = update(chart, 'name: shop\nconfig:\n  data:\n    LOG_LEVEL: null\n    NEW_KEY: "1"\n');
  assert.is(run.status, 0, run.stderr);
  const values = read(chart, 'values.yaml');
  assert.match(values, /NEW_KEY: "1"/);
  assert.not.match(values, /LOG_LEVEL/);
  const stored = JSON.parse(read(chart, '.yo-rc.json'))['generator-k8s-chart'].answers;
  assert.equal(stored.config, { data: { NEW_KEY: '1' } });
  const gone = update(chart, 'name: shop\nsecrets: null\n');
  assert.is(gone.status, 0, gone.stderr);
  assert.not.ok(existsSync(join(chart, 'templates/secret.yaml')), 'the secrets part switched off');
});

test('--conflicts=markers writes both sides between git\'s markers, exits 1, and merges the rest', () => {
  const { repo, chart } = committedChart();
  edit(chart, 'values.yaml', (text) => text.replace('LOG_LEVEL: info', 'LOG_LEVEL: warn'));
  git(repo, 'commit', '-qam', 'warn');
  const run = update(chart, secondAnswers, '--conflicts=markers');
  assert.is(run.status, 1, run.stderr);
  assert.match(run.stderr, /values\.yaml: line \d+: changed by you and by the generator/);
  assert.match(run.stderr, /conflict markers written into 1 file\(s\)/);
  assert.match(read(chart, 'values.yaml'), /\n<<<<<<< yours\n    LOG_LEVEL: warn\n=======\n    LOG_LEVEL: debug\n>>>>>>> k8s-chart\n/);
  assert.ok(existsSync(join(chart, 'templates/ingress.yaml')), 'the rest of the update is written');
  assert.not.match(run.stdout, /Next steps/, 'no next steps for a chart that holds markers');
  // Not resolved yet: the next run refuses, naming the file and line, and writes nothing.
  const unresolved = update(chart, secondAnswers);
  assert.is(unresolved.status, 1);
  assert.match(unresolved.stderr, /values\.yaml: line \d+: unresolved conflict markers\n/);
  // Resolved by the user (their side kept): the next run keeps it.
  edit(chart, 'values.yaml', (text) => text.replace(/<<<<<<< yours\n(.*\n)=======\n.*\n>>>>>>> k8s-chart\n/, '$1'));
  const next = update(chart, secondAnswers);
  assert.is(next.status, 0, next.stderr);
  assert.match(read(chart, 'values.yaml'), /LOG_LEVEL: warn/);
  assert.is(update(chart, secondAnswers, '--conflicts=theirs').status, 2, 'only markers is a choice');
});

test('run inside the chart without --output, a partial answers file updates that chart in place', () => {
  const { chart } = committedChart();
  const partial = answersFile('config:\n  data:\n    LOG_LEVEL: debug\n');
  const run = runBin(['--answers', partial], { cwd: chart });
  assert.is(run.status, 0, run.stderr);
  assert.match(read(chart, 'values.yaml'), /LOG_LEVEL: debug/);
  assert.not.ok(existsSync(join(chart, 'shop')), 'no chart nested inside it');
  const other = runBin(['--answers', answersFile('name: other\n')], { cwd: chart });
  assert.is(other.status, 1);
  assert.match(other.stderr, /^name: this folder is the chart "shop"; the answers name "other"/m);
});

test('--dry-run on an up-to-date chart says up to date', () => {
  const { chart } = committedChart();
  const run = update(chart, firstAnswers, '--dry-run');
  assert.is(run.status, 0, run.stderr);
  assert.is(run.stdout, `${chart}: up to date\n`);
});

test('a base that holds the same files, compressed at another quality, is left as it is', () => {
  const { chart } = committedChart();
  const file = basePath(chart);
  const recompressed = brotliCompressSync(brotliDecompressSync(readFileSync(file)), { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } });
  assert.not.equal(recompressed, readFileSync(file), 'quality 11 writes other bytes than the generator');
  writeFileSync(file, recompressed);
  const run = update(chart, firstAnswers);
  assert.is(run.status, 0, run.stderr);
  assert.is(run.stdout, `${chart}: up to date\n`);
  assert.equal(readFileSync(file), recompressed);
});

/** Makes the chart's base what an earlier version kept: gzipped, in base.json.gz. */
function gzipBase(chart: string): string {
  const legacy = join(chart, '.k8s-chart/base.json.gz');
  writeFileSync(legacy, gzipSync(JSON.stringify(readBase(chart))));
  rmSync(basePath(chart));
  return legacy;
}

test("a chart of an earlier version, its base gzipped: the update merges from it, then the new base replaces it", () => {
  const { repo, chart } = committedChart();
  const legacy = gzipBase(chart);
  userEdits(chart);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'an earlier version and edits');
  const run = update(chart, secondAnswers);
  assert.is(run.status, 0, run.stderr);
  assert.not.match(run.stdout, /base\.json/, 'the records are not the user\'s files');
  assert.match(read(chart, 'values.yaml'), /# Two replicas since the launch.\nreplicaCount: 2\n/);
  assert.match(read(chart, 'values.yaml'), /LOG_LEVEL: debug/);
  assert.not.ok(existsSync(legacy), 'the gzipped base is gone');
  assert.match(readBase(chart)['values.yaml']!, /LOG_LEVEL: debug/);
  const again = update(chart, secondAnswers);
  assert.is(again.stdout, `${chart}: up to date\n`, again.stderr);
});

test('a chart of an earlier version, otherwise up to date: --dry-run names both bases as binary, the run says only the records changed', () => {
  const { chart } = committedChart();
  gzipBase(chart);
  const dry = update(chart, firstAnswers, '--dry-run');
  assert.is(dry.status, 0, dry.stderr);
  assert.is(dry.stdout, 'Binary file .k8s-chart/base.json.br added\nBinary file .k8s-chart/base.json.gz removed\n');
  const run = update(chart, firstAnswers);
  assert.is(run.status, 0, run.stderr);
  assert.is(run.stdout, `${chart}: no chart file changed; k8s-chart's records changed (.k8s-chart/base.json.br, .k8s-chart/base.json.gz)\n`);
  assert.match(read(chart, 'Chart.yaml'), /^version: 0\.1\.0$/m, 'no chart file changed: no new version');
  assert.is(update(chart, firstAnswers).stdout, `${chart}: up to date\n`);
});

test('an update of such a chart killed half-way: --dry-run plans on the chart as the roll back leaves it', () => {
  const { chart } = committedChart();
  gzipBase(chart);
  // Killed later each time (each run rolls back the one before), until the new base, the last new
  // file it writes, is in place while the update is still being prepared.
  const answers = answersFile(secondAnswers);
  for (let files = 1; !existsSync(basePath(chart)) && files < 40; files++) {
    const crashed = spawnSync(process.execPath, [binPath, '--answers', answers, '--output', join(chart, '..')], { env: { ...process.env, K8S_CHART_FAULT: `prepare:${files}` } });
    assert.is(crashed.status, 137, String(crashed.stderr));
  }
  assert.ok(existsSync(basePath(chart)) && existsSync(join(chart, '.k8s-chart/journal.json')), 'killed with the new base in place, before the update commits');
  const dry = update(chart, secondAnswers, '--dry-run');
  assert.is(dry.status, 0, dry.stderr);
  const planned = [...new Set([...dry.stdout.matchAll(/^(?:\+\+\+ b\/|--- a\/|Binary file )(\S+)/gm)].map((match) => match[1]))].toSorted();
  const run = update(chart, secondAnswers);
  assert.is(run.status, 0, run.stderr);
  assert.match(run.stderr, /an interrupted update was rolled back/);
  const done = [...run.stdout.matchAll(/^  (?:created|updated|removed) (\S+)$/gm)].map((match) => match[1]);
  const records = ['.k8s-chart/base.json.br', '.k8s-chart/base.json.gz', '.yo-rc.json'];
  assert.equal(planned, [...done, ...records].toSorted(), dry.stdout);
  // What the roll back removes is new to the dry run, as it is to the real run.
  assert.match(dry.stdout, /^Binary file \.k8s-chart\/base\.json\.br added$/m);
  for (const [, path] of run.stdout.matchAll(/^  created (\S+)$/gm)) assert.ok(dry.stdout.includes(`--- /dev/null\n+++ b/${path}\n`), `${path} is new in the dry run`);
});

test('a first write into an empty folder killed half-way: --dry-run plans it as the real run then writes it', () => {
  const chart = join(tempDir('k8s-chart-empty-'), 'shop');
  mkdirSync(chart);
  const crashed = spawnSync(process.execPath, [binPath, '--answers', answersFile(firstAnswers), '--output', join(chart, '..')], { env: { ...process.env, K8S_CHART_FAULT: 'prepare:5' } });
  assert.is(crashed.status, 137, String(crashed.stderr));
  const dry = update(chart, firstAnswers, '--dry-run');
  assert.is(dry.status, 0, dry.stderr);
  const planned = [...dry.stdout.matchAll(/^(?:\+\+\+ b\/|Binary file )(\S+)/gm)].length;
  const run = update(chart, firstAnswers);
  assert.is(run.status, 0, run.stderr);
  assert.match(run.stdout, new RegExp(`wrote ${planned} files`));
});

test('--force over a damaged record of such a chart removes the old base too', () => {
  const { chart } = committedChart();
  const legacy = gzipBase(chart);
  writeFileSync(join(chart, '.yo-rc.json'), '{');
  assert.is(update(chart, firstAnswers).status, 1);
  const forced = update(chart, firstAnswers, '--force');
  assert.is(forced.status, 0, forced.stderr);
  assert.not.ok(existsSync(legacy));
  assert.is(update(chart, firstAnswers).stdout, `${chart}: up to date\n`);
});

test('a chart a newer k8s-chart made is refused before its records are judged, nothing written, unless --force', () => {
  const { repo, chart } = committedChart();
  const record = JSON.parse(read(chart, '.yo-rc.json'));
  // A newer version may add fields to its record and keep its base elsewhere: refused all the same.
  Object.assign(record['generator-k8s-chart'], { version: '99.0.0', baseFormat: 'zstd' });
  writeFileSync(join(chart, '.yo-rc.json'), JSON.stringify(record));
  rmSync(basePath(chart));
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'a newer generator');
  const run = update(chart, secondAnswers);
  assert.is(run.status, 1);
  assert.is(
    run.stderr,
    `${join(chart, '.yo-rc.json')}: made by k8s-chart 99.0.0, newer than this one (${GENERATOR_VERSION}); update k8s-chart, or pass --force to write a fresh chart into it with this one\n`,
  );
  assert.is(git(repo, 'status', '--porcelain'), '');
  // Run inside it, no chart is written inside the chart, whether or not its record names it.
  const inside = runBin(['--answers', answersFile('name: shop\n')], { cwd: chart });
  assert.is(inside.status, 1);
  assert.match(inside.stderr, /newer than this one/);
  assert.is(git(repo, 'status', '--porcelain'), '');
  record['generator-k8s-chart'].answers = { chart: { name: 'shop' } };
  writeFileSync(join(chart, '.yo-rc.json'), JSON.stringify(record));
  git(repo, 'commit', '-qam', 'a newer record without answers.name');
  const unnamed = runBin(['--answers', answersFile('name: shop\n')], { cwd: chart });
  assert.is(unnamed.status, 1);
  assert.match(unnamed.stderr, /^\S+\.yo-rc\.json: made by k8s-chart 99\.0\.0, newer than this one/);
  assert.is(git(repo, 'status', '--porcelain'), '');
  assert.is(update(chart, secondAnswers, '--force').status, 0);
  assert.is(JSON.parse(read(chart, '.yo-rc.json'))['generator-k8s-chart'].version, GENERATOR_VERSION);
});

test('versions compare as SemVer: a pre-release before its release, a version that is no SemVer before all', () => {
  assert.ok(olderThan('0.2.0-rc.1', '0.2.0'));
  assert.not.ok(olderThan('0.2.0', '0.2.0-rc.1'));
  assert.ok(olderThan('0.2.0-rc.1', '0.2.0-rc.2'));
  assert.ok(olderThan('0.9.0', '0.10.0'));
  assert.not.ok(olderThan('0.2.0', '0.2.0'));
  assert.ok(olderThan('not a version', '0.1.0'));
  assert.not.ok(olderThan('0.1.0', 'not a version'));
  // Every pair in the order the semver package gives them.
  const versions = ['0.1.0', '0.2.0', '0.2.0-rc.1', '0.2.0-rc.2', '0.2.0-rc.10', '0.2.0-rc', '0.2.0-beta', '0.2.0-1', '0.2.0-alpha.1.x', '0.2.0+build.5', '0.10.0', '1.0.0', '10.0.0', '1.0.0-0', 'v1.0.1'];
  for (const a of versions) for (const b of versions) assert.is(olderThan(a, b), semverLt(a, b), `${a} before ${b}`);
  // Beyond what semver takes (its numbers stop at 2^53): compared as whole numbers all the same.
  assert.ok(olderThan('9007199254740993.0.0', '9007199254740994.0.0'));
});

test('the user set a version: no bump', () => {
  const { chart } = committedChart();
  edit(chart, 'Chart.yaml', (text) => text.replace('version: 0.1.0', 'version: 2.0.0'));
  const run = update(chart, secondAnswers);
  assert.is(run.status, 0, run.stderr);
  assert.match(read(chart, 'Chart.yaml'), /^version: 2\.0\.0$/m);
});

function interruptedUpdate(fault: string): { chart: string; expected: string } {
  const { chart } = committedChart();
  userEdits(chart);
  // What the update gives when nothing interrupts it.
  const reference = tempDir('k8s-chart-reference-');
  cpSync(join(chart, '..'), reference, { recursive: true });
  assert.is(update(join(reference, 'shop'), secondAnswers).status, 0);
  const expected = treeOf(join(reference, 'shop'));
  const crashed = runBinWithEnv(chart, secondAnswers, { K8S_CHART_FAULT: fault });
  assert.is(crashed, 137, 'the injected fault stopped the update');
  return { chart, expected };
}

function runBinWithEnv(chart: string, answers: string, env: Record<string, string>): number | null {
  const args = [binPath, '--answers', answersFile(answers), '--output', join(chart, '..')];
  return spawnSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8' }).status;
}

const treeOf = (chart: string) =>
  listFiles(chart)
    .filter((p) => !p.startsWith('.git/'))
    .map((p) => `${p}\n${read(chart, p)}`)
    .join('\n');

test('an update interrupted midway, after the journal was committed, is completed by the next run', () => {
  const { chart, expected } = interruptedUpdate('rename:3');
  assert.is.not(treeOf(chart), expected, 'the crash left the update half done');
  const next = update(chart, secondAnswers);
  assert.is(next.status, 0, next.stderr);
  assert.match(next.stderr, /an interrupted update was completed/);
  assert.is(treeOf(chart), expected);
});

test('an update interrupted while preparing is rolled back by the next run, then done', () => {
  const { chart, expected } = interruptedUpdate('prepare:2');
  const next = update(chart, secondAnswers);
  assert.is(next.status, 0, next.stderr);
  assert.match(next.stderr, /an interrupted update was rolled back/);
  assert.is(treeOf(chart), expected);
  assert.not.match(listFiles(chart).join('\n'), /k8s-chart-new/, 'no temporary file left');
});

test('a damaged record or a foreign directory: a clear error, the directory untouched; --force replaces it', () => {
  const { repo, chart } = committedChart();
  writeFileSync(basePath(chart), 'not brotli');
  git(repo, 'commit', '-qam', 'damage');
  const run = update(chart, secondAnswers);
  assert.is(run.status, 1);
  assert.match(run.stderr, /base\.json\.br: damaged \(not brotli-compressed JSON\); remove it or pass --force/);
  assert.is(git(repo, 'status', '--porcelain'), '');
  const forced = update(chart, secondAnswers, '--force');
  assert.is(forced.status, 0, forced.stderr);
  assert.ok(existsSync(join(chart, 'templates/ingress.yaml')));
});

test('stored answers of an older generator are migrated, not rejected', () => {
  const migrations = [
    { before: '0.2.0', migrate: (a: Record<string, unknown>) => ({ ...a, name: (a as { chartName: string }).chartName, chartName: undefined }) },
  ];
  assert.equal(migrateAnswers({ chartName: 'old' }, '0.1.5', migrations), { name: 'old', chartName: undefined });
  assert.equal(migrateAnswers({ name: 'new' }, '0.2.0', migrations), { name: 'new' }, 'recorded by 0.2.0: left alone');
});

test('the merge keeps line endings and the bytes of untouched lines', () => {
  const base = 'a: 1\r\nb: 2\r\nc: 3\r\nd: 4';
  const user = 'a: 10\r\nb: 2\r\nc: 3\r\nd: 4';
  const generated = 'a: 1\r\nb: 2\r\nc: 3\r\nd: 40\n';
  assert.equal(mergeFile(base, user, generated), { content: 'a: 10\r\nb: 2\r\nc: 3\r\nd: 40\n', conflicts: [] });
  assert.equal(mergeFile('x\n', 'y\n', 'z\n').conflicts, [{ fromLine: 1, toLine: 1, yours: ['y'], generated: ['z'] }]);
  assert.is(mergeFile('x\n', 'y', 'z\n', 'markers').content, '<<<<<<< yours\ny\n=======\nz\n>>>>>>> k8s-chart');
});

test('a CRLF checkout or a stripped final newline is no edit: the merge keeps the user\'s line ends', () => {
  const base = 'a: 1\nb: 2\nc: 3\n';
  const generated = 'a: 1\nb: 2\nc: 30\n';
  assert.equal(mergeFile(base, base.replace(/\n/g, '\r\n'), generated), { content: 'a: 1\r\nb: 2\r\nc: 30\r\n', conflicts: [] });
  assert.equal(mergeFile(base, 'a: 10\r\nb: 2\r\nc: 3\r\n', generated), { content: 'a: 10\r\nb: 2\r\nc: 30\r\n', conflicts: [] });
  assert.equal(mergeFile(base, 'a: 1\nb: 2\nc: 3', generated), { content: 'a: 1\nb: 2\nc: 30', conflicts: [] });
  assert.equal(mergeFile('a\nx\nb', 'a\nx\nB', 'A\nx\nb'), { content: 'A\nx\nB', conflicts: [] }, 'no final newline anywhere');
});

/** Makes the recorded base of `path` say `from` where the generation says `to`, as if an older
 * generator had written `from` there: the next update changes that line. */
function pretendOlderGenerator(chart: string, path: string, to: string, from: string): void {
  const base = readBase(chart);
  base[path] = base[path]!.replace(to, from);
  writeBase(chart, base);
}

for (const [action, expected] of [['write', 'LOG_LEVEL: info'], ['skip', 'LOG_LEVEL: mine']] as const) {
  test(`interactively, conflicting lines go to Yeoman's conflict choice (${action})`, async () => {
    const { chart } = committedChart();
    pretendOlderGenerator(chart, 'values.yaml', 'LOG_LEVEL: info', 'LOG_LEVEL: old');
    edit(chart, 'values.yaml', (text) => text.replace('LOG_LEVEL: info', 'LOG_LEVEL: mine'));
    edit(chart, 'templates/service.yaml', (text) => text.replace('spec:\n', 'spec:\n  # mine\n'));
    // In the chart directory, only what .yo-rc.json lacks is asked; then Yeoman asks about the conflict.
    // yeoman-test forces every write unless told otherwise; a user's yo does not.
    const result = await helpers
      .run(builtGenerator, {}, { force: false } as never)
      .withOptions({ force: false } as never)
      .cd(chart)
      .withAnswers({
        kind: 'Deployment',
        replicas: '1',
        exposure: 'not at all',
        probe: 'tcp: the port accepts connections',
        readinessProbe: 'the same check',
        startupProbe: false,
        persistence: false,
        autoscaling: false,
        action,
      });
    assert.is(result.askedQuestions.filter((q) => q.name === 'action').length, 1, 'asked about the conflicting file only');
    assert.match(read(chart, 'values.yaml'), new RegExp(`^\\s*${expected}$`, 'm'));
    assert.match(read(chart, 'templates/service.yaml'), /spec:\n  # mine\n/, 'other edits kept');
  });
}

test('yo k8s-chart run inside the chart directory updates it in place', async () => {
  await installYo();
  const repo = freshDir('yo-update', true);
  const generated = runBin(['--answers', answersFile(firstAnswers), '--output', repo]);
  assert.is(generated.status, 0, generated.stderr);
  const chart = join(repo, 'shop');
  execFileSync('chmod', ['-R', 'a+rwX', repo]);
  userEdits(chart);
  const newAnswers = writePublicFile(join(freshDir('yo-update-answers', true), 'answers.yaml'), secondAnswers);
  const run = await runYo(['k8s-chart', '--answers', newAnswers], chart);
  assert.is(run.status, 0, `${run.stdout}\n${run.stderr}`);
  assert.ok(existsSync(join(chart, 'templates/ingress.yaml')), 'updated in place, not into shop/shop');
  assert.not.ok(existsSync(join(chart, 'shop')), 'nothing nested');
  assert.match(read(chart, 'values.yaml'), /# Two replicas since the launch.\nreplicaCount: 2\n/);
  assert.match(read(chart, 'Chart.yaml'), /^version: 0\.1\.1$/m);
  // No answers given and no terminal: everything is stored, nothing is asked, nothing changes.
  const before = treeOf(chart);
  const quiet = await runYo(['k8s-chart'], chart);
  assert.is(quiet.status, 0, `${quiet.stdout}\n${quiet.stderr}`);
  assert.is(treeOf(chart), before);
  chmodSync(chart, 0o777);
});

test.run();
