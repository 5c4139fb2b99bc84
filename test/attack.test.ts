// The chart directory as an attacker leaves it: a pull request can change every file in a committed
// chart, the records and symlinks included, before a maintainer or CI runs k8s-chart on it. Each
// case runs the real bin and checks a canary folder outside the chart that must stay byte for byte
// as it was, and the one-line error the user gets.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { basePath, readBase, writeBase } from './support/base.ts';
import { answersFile, runBin, tempDir } from './support/bin.ts';
import { binPath, listFiles } from './support/paths.ts';
import { helms, helmTemplate } from './support/helm.ts';
import { load } from 'js-yaml';
import helpers from 'yeoman-test';
import { builtGenerator } from './support/yo.ts';
import { runGeneration } from '../src/run.ts';
import { DamagedRecordError } from '../src/disk/chart-fs.ts';
import { shopAnswers } from './support/answers.ts';

const binaries = await helms();

const firstAnswers = shopAnswers;
const secondAnswers = firstAnswers.replace('LOG_LEVEL: info', 'LOG_LEVEL: debug');

/** A folder beside the chart that nothing may touch, and a way to see it is as it was. */
function canary(): { dir: string; file: string; intact: () => void } {
  const dir = tempDir('k8s-chart-canary-');
  const file = join(dir, 'secret.txt');
  writeFileSync(file, 'the canary\n');
  writeFileSync(join(dir, 'values.yaml'), 'untouched: true\n');
  mkdirSync(join(dir, 'templates'));
  const snapshot = () => listFiles(dir).map((path) => `${path}\n${readFileSync(join(dir, path), 'utf8')}`).join('\n');
  const before = snapshot();
  return { dir, file, intact: () => assert.is(snapshot(), before, 'the canary outside the chart changed') };
}

function chart(answers = firstAnswers): { out: string; chart: string; tree: () => string } {
  const out = tempDir('k8s-chart-attack-');
  const run = runBin(['--answers', answersFile(answers), '--output', out]);
  assert.is(run.status, 0, run.stderr);
  const dir = join(out, 'shop');
  return { out, chart: dir, tree: () => treeOf(dir) };
}

const treeOf = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((entry) => {
      const path = relative(dir, join(entry.parentPath, entry.name));
      if (entry.isSymbolicLink()) return `${path} -> link`;
      return entry.isFile() ? `${path}\n${readFileSync(join(dir, path), 'utf8')}` : `${path}/`;
    })
    .sort()
    .join('\n');

const update = (out: string, ...flags: string[]) => runBin(['--answers', answersFile(secondAnswers), '--output', out, ...flags]);

/** One line on stderr, naming what is wrong, and no stack trace. */
function oneLine(stderr: string, pattern: RegExp): void {
  assert.match(stderr, pattern);
  assert.not.match(stderr, /\n\s+at |TypeError|SyntaxError|ReferenceError/, stderr);
}

const writeJournal = (dir: string, journal: unknown) => writeFileSync(join(dir, '.k8s-chart/journal.json'), JSON.stringify(journal));

// Every kind of path that must never be acted on, in every place the journal holds one.
const badPaths = (c: ReturnType<typeof canary>, dir: string) => [
  relative(dir, c.file),
  c.file,
  'templates/../../../x',
  'x\u0000y',
  'templates\\..\\..\\x',
  './values.yaml',
  'templates//service.yaml',
  '.git/config',
];

test('a journal with a path outside the chart is damaged: one line, nothing done; --force drops it', async () => {
  const c = canary();
  const { out, chart: dir, tree } = chart();
  const before = tree();
  for (const operation of ['rename to', 'rename from', 'delete'] as const) {
    for (const path of badPaths(c, dir)) {
      const journal =
        operation === 'delete'
          ? { state: 'committed', renames: [], deletes: [path] }
          : operation === 'rename to'
            ? { state: 'committed', renames: [{ from: `${path}.k8s-chart-new`, to: path }], deletes: [] }
            : { state: 'committed', renames: [{ from: path, to: 'values.yaml' }], deletes: [] };
      writeJournal(dir, journal);
      const label = `${operation} ${JSON.stringify(path)}`;
      // Every case in the process (the same code the bin runs), the first of each through the bin.
      try {
        await runGeneration({ chartDir: dir, given: load(secondAnswers) as Record<string, unknown> });
        assert.unreachable(`${label}: accepted`);
      } catch (error) {
        assert.instance(error, DamagedRecordError, label);
        assert.match((error as Error).message, /\.k8s-chart\/journal\.json: damaged \(.+\); remove it or pass --force$/);
      }
      if (path === badPaths(c, dir)[0]) {
        const run = update(out);
        assert.is(run.status, 1, `${label}: ${run.stderr}`);
        oneLine(run.stderr, /\.k8s-chart\/journal\.json: damaged \(path "[^"]*secret\.txt[^"]*" leaves the chart\); remove it or pass --force\n$/);
      }
      rmSync(join(dir, '.k8s-chart/journal.json'));
      assert.is(tree(), before, `${label}: the chart changed`);
      c.intact();
    }
    writeJournal(dir, { state: 'committed', renames: [], deletes: [c.file] });
    const forced = update(out, '--force');
    assert.is(forced.status, 0, forced.stderr);
    assert.match(forced.stderr, /an interrupted update was discarded/);
    assert.not.ok(existsSync(join(dir, '.k8s-chart/journal.json')));
    c.intact();
    rmSync(dir, { recursive: true });
    assert.is(runBin(['--answers', answersFile(firstAnswers), '--output', out]).status, 0);
  }
});

test('a misshapen or truncated journal is damaged, never a stack trace', () => {
  const { out, chart: dir } = chart();
  for (const content of ['{"state":"committed","renames":[{"from":1}]', '{"state":"committed","renames":"x","deletes":[]}', '[]', 'null', '{"state":"done","renames":[],"deletes":[]}']) {
    writeFileSync(join(dir, '.k8s-chart/journal.json'), content);
    const run = update(out);
    assert.is(run.status, 1, content);
    oneLine(run.stderr, /journal\.json: damaged/);
  }
});

test('a base that names files outside the chart is damaged, and --force never acts on its paths', () => {
  const c = canary();
  const { out, chart: dir } = chart();
  const base = readBase(dir);
  // An "unedited file of a part switched off" is deleted by an update: here, the canary.
  base[relative(dir, c.file)] = readFileSync(c.file, 'utf8');
  writeBase(dir, base);
  const run = update(out);
  assert.is(run.status, 1, run.stderr);
  oneLine(run.stderr, /base\.json\.br: damaged \(path ".*secret\.txt" leaves the chart\); remove it or pass --force/);
  c.intact();
  assert.is(update(out, '--force').status, 0);
  c.intact();
});

test('a brotli bomb or a base of the wrong shape is damaged, and so is an old gzipped one', () => {
  const { out, chart: dir } = chart();
  const bomb = Buffer.alloc(80 * 1024 * 1024, 0x20);
  const fast = { params: { [zlib.BROTLI_PARAM_QUALITY]: 1 } };
  for (const content of [brotliCompressSync(bomb, fast), brotliCompressSync('{"a": 1}'), brotliCompressSync('[1]'), Buffer.from('not brotli')]) {
    writeFileSync(basePath(dir), content);
    const run = update(out);
    assert.is(run.status, 1);
    oneLine(run.stderr, /base\.json\.br: damaged/);
  }
  // A chart of an earlier version: its base is gzipped, and read only when there is no other.
  rmSync(basePath(dir));
  const legacy = join(dir, '.k8s-chart/base.json.gz');
  for (const content of [gzipSync(bomb), gzipSync('[1]'), Buffer.from('not gzip')]) {
    writeFileSync(legacy, content);
    const run = update(out);
    assert.is(run.status, 1);
    oneLine(run.stderr, /base\.json\.gz: damaged/);
  }
});

test('a misshapen .yo-rc.json is damaged; prototype keys in its answers are unknown keys', () => {
  const { out, chart: dir, tree } = chart();
  const record = join(dir, '.yo-rc.json');
  const good = readFileSync(record, 'utf8');
  for (const content of ['{"generator-k8s-chart": {"version": 1, "answers": {}}}', '{"generator-k8s-chart": {"version": "0.1.0", "answers": []}}', '{"generator-k8s-chart"', '7']) {
    writeFileSync(record, content);
    const run = update(out);
    assert.is(run.status, 1, content);
    oneLine(run.stderr, /\.yo-rc\.json: damaged/);
  }
  for (const [key, path] of [['__proto__', '__proto__'], ['constructor', 'constructor'], ['prototype', 'prototype']]) {
    const entry = JSON.parse(good) as { 'generator-k8s-chart': { answers: Record<string, unknown> } };
    const answers = entry['generator-k8s-chart'].answers;
    // As JSON.parse reads it: an own key, on the answers and inside image.
    writeFileSync(record, JSON.stringify(entry).replace('"answers":{', `"answers":{"${key}":{"name":"evil"},`).replace('"image":{', `"image":{"${key}":{"tag":"x"},`));
    const before = tree();
    const run = update(out);
    assert.is(run.status, 1, run.stderr);
    oneLine(run.stderr, new RegExp(`^${path}: unknown key`, 'm'));
    assert.match(run.stderr, new RegExp(`^image\\.${path}: unknown key`, 'm'));
    assert.is(tree(), before);
    assert.ok(answers);
  }
  assert.equal(({} as Record<string, unknown>).name, undefined, 'Object.prototype untouched');
});

test('no write, rename or delete follows a link inside the chart: target, folder on the way, records', () => {
  const cases: Array<[string, (dir: string, c: ReturnType<typeof canary>) => void]> = [
    ['a changed file is a link', (dir, c) => { rmSync(join(dir, 'values.yaml')); symlinkSync(join(c.dir, 'values.yaml'), join(dir, 'values.yaml')); }],
    ['a folder on the way is a link', (dir, c) => { rmSync(join(dir, 'templates'), { recursive: true }); symlinkSync(join(c.dir, 'templates'), join(dir, 'templates')); }],
    ['.k8s-chart is a link', (dir, c) => { rmSync(join(dir, '.k8s-chart'), { recursive: true }); symlinkSync(c.dir, join(dir, '.k8s-chart')); }],
    ['.yo-rc.json is a link', (dir, c) => { rmSync(join(dir, '.yo-rc.json')); symlinkSync(c.file, join(dir, '.yo-rc.json')); }],
    ['the journal is a link', (dir, c) => symlinkSync(c.file, join(dir, '.k8s-chart/journal.json'))],
    ['the chart directory is a link', (dir, c) => { rmSync(dir, { recursive: true }); symlinkSync(c.dir, dir); }],
  ];
  const made = chart();
  for (const [name, plant] of cases) {
    for (const flags of [[], ['--force'], ['--dry-run']]) {
      const c = canary();
      const out = tempDir();
      const dir = join(out, 'shop');
      cpSync(made.chart, dir, { recursive: true });
      plant(dir, c);
      const run = update(out, ...flags);
      assert.is(run.status, 1, `${name} ${flags}: ${run.stdout}${run.stderr}`);
      oneLine(run.stderr, /is a symbolic link/);
      assert.not.match(run.stdout, /the canary|untouched: true/, 'nothing outside the chart is shown');
      c.intact();
    }
  }
});

test('yo k8s-chart inside a hostile chart: the same refusals, the canary intact', async () => {
  for (const plant of [
    (dir: string, c: ReturnType<typeof canary>) => { rmSync(join(dir, 'values.yaml')); symlinkSync(join(c.dir, 'values.yaml'), join(dir, 'values.yaml')); },
    (dir: string, c: ReturnType<typeof canary>) => writeJournal(dir, { state: 'committed', renames: [], deletes: [relative(dir, c.file)] }),
  ]) {
    const c = canary();
    const { chart: dir } = chart();
    plant(dir, c);
    const answers = answersFile(secondAnswers);
    let failure: Error | undefined;
    try {
      // yeoman-test passes --force unless told otherwise; a maintainer's yo does not.
      await helpers.run(builtGenerator, {}, { force: false } as never).cd(dir).withOptions({ answers, force: false } as never);
    } catch (error) {
      failure = error as Error;
    }
    assert.instance(failure, Error, 'the run must fail');
    assert.match(failure!.message, /is a symbolic link|journal\.json: damaged/);
    c.intact();
  }
});

test('a planted temporary file or link is replaced, never written through', () => {
  const c = canary();
  const { out, chart: dir } = chart();
  symlinkSync(join(c.dir, 'values.yaml'), join(dir, 'values.yaml.k8s-chart-new'));
  symlinkSync(c.file, join(dir, '.k8s-chart/journal.json.k8s-chart-new'));
  symlinkSync(c.file, join(dir, 'Chart.yaml.k8s-chart-new'));
  const run = update(out);
  assert.is(run.status, 0, run.stderr);
  assert.match(readFileSync(join(dir, 'values.yaml'), 'utf8'), /LOG_LEVEL: debug/);
  assert.not.match(listFiles(dir).join('\n'), /k8s-chart-new/);
  c.intact();
});

test('prototype keys in the answers file: unknown where keys are fixed, data in free-form maps', () => {
  const run = runBin(['--answers', answersFile(`${firstAnswers}__proto__: {name: evil}\nworkload:\n  constructor: {kind: Job}\n  prototype: 1\n`), '--output', tempDir()]);
  assert.is(run.status, 1);
  for (const path of ['__proto__', 'workload.constructor', 'workload.prototype']) assert.match(run.stderr, new RegExp(`^${path}: unknown key`, 'm'));
  const withKeys = firstAnswers.replace('    LOG_LEVEL: info\n', '    LOG_LEVEL: info\n    __proto__: a\n    constructor: b\n    prototype: c\n');
  const { chart: dir } = chart(withKeys);
  for (const helm of binaries) {
    const rendered = helmTemplate(helm.bin, dir);
    assert.ok(rendered.ok, rendered.output);
    const configMap = rendered.docs.find((doc) => doc.kind === 'ConfigMap') as { data: Record<string, string> };
    assert.equal(Object.entries(configMap.data).sort(), [['LOG_LEVEL', 'info'], ['__proto__', 'a'], ['constructor', 'b'], ['prototype', 'c']]);
  }
});

test('control and bidirectional-override characters are refused with the field path', () => {
  const cases: Array<[string, RegExp]> = [
    [firstAnswers.replace('name: shop', 'name: shop\ndescription: "Shop\\x7f API"'), /^description: must not hold a control character \(U\+007F\)/m],
    [firstAnswers.replace('name: shop', 'name: shop\ndescription: "Shop\\nAPI"'), /^description: must not hold a control character \(U\+000A\)/m],
    [firstAnswers.replace('name: shop', 'name: shop\ndescription: "Shop \\u202e IPA"'), /^description: must not hold a bidirectional override/m],
    [firstAnswers.replace('LOG_LEVEL: info', 'LOG_LEVEL: "a\\u0007b"'), /^config\.data\.LOG_LEVEL: must not hold a control character \(U\+0007\)/m],
    [firstAnswers.replace('LOG_LEVEL: info', '"BAD\\tKEY": x'), /^config\.data\."BAD\\tKEY": key must not hold a control character/m],
  ];
  for (const [answers, pattern] of cases) {
    const out = tempDir();
    const run = runBin(['--answers', answersFile(answers), '--output', out]);
    assert.is(run.status, 1, answers);
    oneLine(run.stderr, pattern);
    assert.equal(readdirSync(out), [], 'nothing written');
  }
  // A multi-line config value is fine.
  chart(firstAnswers.replace('LOG_LEVEL: info', 'LOG_LEVEL: info\n    SCRIPT: "line one\\n\\tline two\\n"'));
});

test('a key YAML reads as a number or a boolean is refused with its path and a hint to quote it', () => {
  const run = runBin(['--answers', answersFile(firstAnswers.replace('LOG_LEVEL: info', 'LOG_LEVEL: info\n    1.10: x\n    true: y')), '--output', tempDir()]);
  assert.is(run.status, 1);
  oneLine(run.stderr, /^config\.data\.1\.1: YAML reads this key as the number 1\.1, not as text: quote it/m);
  assert.match(run.stderr, /^config\.data\.true: YAML reads this key as the boolean true, not as text: quote it/m);
});

test('config or secrets too large for a ConfigMap or a Secret are refused; a 1 MB answers file is checked in seconds', () => {
  const big = 'x'.repeat(1100 * 1024);
  const run = runBin(['--answers', answersFile(firstAnswers.replace('LOG_LEVEL: info', `BIG: ${big}`)), '--output', tempDir()]);
  assert.is(run.status, 1);
  oneLine(run.stderr, /^config\.data: \d+ bytes cannot fit a ConfigMap/m);
  const entries = Array.from({ length: 20000 }, (_, i) => `    KEY_${i}: ${'v'.repeat(40)}`).join('\n');
  const started = Date.now();
  const many = runBin(['--answers', answersFile(firstAnswers.replace('    LOG_LEVEL: info', entries)), '--output', tempDir()]);
  const seconds = (Date.now() - started) / 1000;
  assert.is(many.status, 0, many.stderr);
  assert.ok(seconds < 20, `a 1 MB answers file took ${seconds} s`);
});

test('ten runs at once on one chart: one at a time, the rest refused with one line; version, record and base agree', async () => {
  const { out, chart: dir } = chart();
  const answers = Array.from({ length: 10 }, (_, i) => answersFile(firstAnswers.replace('LOG_LEVEL: info', `LOG_LEVEL: run-${i}`)));
  const runs = await Promise.all(
    answers.map(
      (file) =>
        new Promise<{ status: number | null; stderr: string }>((done) => {
          const child = spawn(process.execPath, [binPath, '--answers', file, '--output', out, '--force'], { stdio: ['ignore', 'ignore', 'pipe'] });
          let stderr = '';
          child.stderr.on('data', (chunk) => (stderr += chunk));
          child.on('close', (status) => done({ status, stderr }));
        }),
    ),
  );
  assert.ok(runs.some((run) => run.status === 0), 'at least one run wrote');
  for (const run of runs.filter((r) => r.status !== 0)) oneLine(run.stderr, /^another k8s-chart run \(pid \d+\) is updating this chart: /);
  const record = JSON.parse(readFileSync(join(dir, '.yo-rc.json'), 'utf8'))['generator-k8s-chart'];
  const base = readBase(dir);
  const version = (text: string) => /^version: (.+)$/m.exec(text)![1];
  assert.is(version(readFileSync(join(dir, 'Chart.yaml'), 'utf8')), record.chartVersion);
  assert.is(version(base['Chart.yaml']), record.chartVersion);
  const level = /LOG_LEVEL: (\S+)/.exec(readFileSync(join(dir, 'values.yaml'), 'utf8'))![1];
  assert.is(record.answers.config.data.LOG_LEVEL, level, 'the record holds the answers of the run that wrote');
  assert.not.ok(existsSync(join(dir, '.k8s-chart/lock')), 'no lock left');
});

test('a lock of a live run stops this one with nothing written; a stale lock is taken over', () => {
  const { out, chart: dir, tree } = chart();
  const lock = join(dir, '.k8s-chart/lock');
  const started = readFileSync(`/proc/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[19];
  writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), started }));
  const before = tree();
  const run = update(out);
  assert.is(run.status, 1);
  oneLine(run.stderr, new RegExp(`^another k8s-chart run \\(pid ${process.pid}\\) is updating this chart: ${dir}\\n$`));
  assert.is(tree(), before);
  // The same pid, but a process started at another time: pid reuse, stale.
  writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), started: '1' }));
  assert.is(update(out).status, 0);
  writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 7, host: hostname(), started: '' }));
  // What a run killed while placing its lock left (lock.<pid>): removed once that run is gone.
  writeFileSync(`${lock}.${2 ** 22 + 7}`, JSON.stringify({ pid: 2 ** 22 + 7, host: hostname(), started: '1' }));
  assert.is(runBin(['--answers', answersFile(firstAnswers), '--output', out]).status, 0);
  assert.not.ok(existsSync(lock));
  assert.equal(readdirSync(join(dir, '.k8s-chart')), ['base.json.br']);
});

/** Kills a run after `delay` ms, as kill -9 would. */
function killedAfter(args: string[], delay: number): void {
  execFileSync('bash', ['-c', `"${process.execPath}" "${binPath}" ${args.map((a) => `'${a}'`).join(' ')} >/dev/null 2>&1 & pid=$!; sleep ${delay / 1000}; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null; true`]);
}

test('killed at any point, a fresh generation or an update is finished by the next run without --force', () => {
  const fresh = answersFile(firstAnswers);
  const reference = tempDir();
  assert.is(runBin(['--answers', fresh, '--output', reference]).status, 0);
  const expectedFresh = treeOf(join(reference, 'shop'));
  assert.is(runBin(['--answers', answersFile(secondAnswers), '--output', reference]).status, 0);
  const expectedUpdate = treeOf(join(reference, 'shop'));
  for (const delay of [30, 60, 90, 120, 160, 220]) {
    const out = tempDir();
    killedAfter(['--answers', fresh, '--output', out], delay);
    const next = runBin(['--answers', fresh, '--output', out]);
    assert.is(next.status, 0, `fresh, killed after ${delay} ms: ${next.stderr}`);
    assert.is(treeOf(join(out, 'shop')), expectedFresh, `fresh, killed after ${delay} ms`);

    const second = answersFile(secondAnswers);
    killedAfter(['--answers', second, '--output', out], delay);
    const again = runBin(['--answers', second, '--output', out]);
    assert.is(again.status, 0, `update, killed after ${delay} ms: ${again.stderr}`);
    assert.is(treeOf(join(out, 'shop')), expectedUpdate, `update, killed after ${delay} ms`);
  }
});

test('stopped at each step of writing, a fresh generation leaves no chart, and the next run writes it byte for byte', () => {
  const fresh = answersFile(firstAnswers);
  const reference = tempDir();
  assert.is(runBin(['--answers', fresh, '--output', reference]).status, 0);
  const expected = treeOf(join(reference, 'shop'));
  // A fresh chart is written into a folder beside it, then renamed into place: a crash before the
  // rename leaves that folder (with the lock of a run that is gone), never part of a chart.
  for (const fault of ['prepare:0', 'prepare:7', 'prepare:21', 'torn:0', 'torn:9', 'complete:0']) {
    const out = tempDir();
    const crashed = spawnSync(process.execPath, [binPath, '--answers', fresh, '--output', out], { env: { ...process.env, K8S_CHART_FAULT: fault } });
    assert.is(crashed.status, 137, `${fault}: the injected fault stopped the run`);
    const left = readdirSync(out);
    assert.is(left.length, 1, `${fault}: ${left.join(', ')}`);
    assert.match(left[0]!, /^\.shop\.k8s-chart-new-\d+-[0-9a-f]{8}$/, `${fault}: no chart, only the folder it was written in`);
    const next = runBin(['--answers', fresh, '--output', out]);
    assert.is(next.status, 0, `${fault}: ${next.stderr}`);
    assert.is(treeOf(join(out, 'shop')), expected, fault);
    assert.equal(readdirSync(out), ['shop'], `${fault}: the next run removed what the crashed one left`);
  }
});

test('what a crashed fresh run left is removed only where it holds the lock of a run that is gone', () => {
  const fresh = answersFile(firstAnswers);
  const out = tempDir();
  const crashed = spawnSync(process.execPath, [binPath, '--answers', fresh, '--output', out], { env: { ...process.env, K8S_CHART_FAULT: 'prepare:7' } });
  assert.is(crashed.status, 137);
  // Planted beside it under the same kind of name: a link to a folder of somebody's, a folder with
  // no lock, and one holding the lock of a live run (this test's).
  const canary = tempDir();
  writeFileSync(join(canary, 'keep'), 'mine\n');
  symlinkSync(canary, join(out, '.shop.k8s-chart-new-1-aaaaaaaa'));
  mkdirSync(join(out, '.shop.k8s-chart-new-2-bbbbbbbb'));
  writeFileSync(join(out, '.shop.k8s-chart-new-2-bbbbbbbb/values.yaml'), 'mine\n');
  const live = join(out, '.shop.k8s-chart-new-3-cccccccc');
  mkdirSync(join(live, '.k8s-chart'), { recursive: true });
  const started = readFileSync(`/proc/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[19];
  writeFileSync(join(live, '.k8s-chart/lock'), JSON.stringify({ pid: process.pid, host: hostname(), started }));
  // No lock yet: a run killed before placing it (no process has pid 2^22 + 7), and a live run's.
  const dead = 2 ** 22 + 7;
  mkdirSync(join(out, `.shop.k8s-chart-new-${dead}-dddddddd`));
  mkdirSync(join(out, `.shop.k8s-chart-new-${process.pid}-eeeeeeee`));
  // A dead run's lock reached through a link, and a lock of gigabytes: neither read.
  const outside = tempDir();
  writeFileSync(join(outside, 'lock'), JSON.stringify({ pid: dead, host: hostname(), started: '1' }));
  mkdirSync(join(out, `.shop.k8s-chart-new-${dead}-ffffffff`));
  symlinkSync(outside, join(out, `.shop.k8s-chart-new-${dead}-ffffffff/.k8s-chart`));
  mkdirSync(join(out, `.shop.k8s-chart-new-${dead}-99999999/.k8s-chart`), { recursive: true });
  execFileSync('truncate', ['-s', '2G', join(out, `.shop.k8s-chart-new-${dead}-99999999/.k8s-chart/lock`)]);
  const started2 = Date.now();
  const next = runBin(['--answers', fresh, '--output', out]);
  assert.is(next.status, 0, next.stderr);
  assert.ok(Date.now() - started2 < 20_000, 'a huge planted lock is not read');
  assert.equal(readdirSync(out).sort(), [
    '.shop.k8s-chart-new-1-aaaaaaaa',
    '.shop.k8s-chart-new-2-bbbbbbbb',
    '.shop.k8s-chart-new-3-cccccccc',
    `.shop.k8s-chart-new-${dead}-99999999`,
    `.shop.k8s-chart-new-${dead}-ffffffff`,
    `.shop.k8s-chart-new-${process.pid}-eeeeeeee`,
    'shop',
  ].sort());
  assert.is(readFileSync(join(canary, 'keep'), 'utf8'), 'mine\n');
  assert.ok(existsSync(join(live, '.k8s-chart/lock')));
  assert.ok(existsSync(join(outside, 'lock')));
});

test('an update stopped just before its journal went, then edited: the next run completes it and keeps the edit', () => {
  const { out, chart: dir } = chart();
  const crashed = spawnSync(process.execPath, [binPath, '--answers', answersFile(secondAnswers), '--output', out], { env: { ...process.env, K8S_CHART_FAULT: 'complete:0' } });
  assert.is(crashed.status, 137);
  assert.ok(existsSync(join(dir, '.k8s-chart/journal.json')), 'the journal is there');
  const values = join(dir, 'values.yaml');
  const edited = `${readFileSync(values, 'utf8')}# mine\n`;
  writeFileSync(values, edited);
  const next = runBin(['--answers', answersFile(secondAnswers), '--output', out]);
  assert.is(next.status, 0, next.stderr);
  assert.match(next.stderr, /an interrupted update was completed/);
  assert.is(readFileSync(values, 'utf8'), edited);
  assert.match(edited, /LOG_LEVEL: debug/);
});

test('a reader closing the pipe early in a batch: every chart is still written, and the exit code is the real one', () => {
  const folder = tempDir();
  for (let i = 0; i < 10; i++) writeFileSync(join(folder, `c${i}.yaml`), firstAnswers.replace('name: shop', `name: c${i}`));
  const out = tempDir();
  const run = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${binPath}" --answers "${folder}" --output "${out}" | head -1`], { encoding: 'utf8' });
  assert.is(run.status, 0, run.stderr);
  assert.is(readdirSync(out).length, 10);
  writeFileSync(join(folder, 'c3.yaml'), 'name: [');
  const failing = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${binPath}" --answers "${folder}" --output "${tempDir()}" 2>&1 | head -1`], { encoding: 'utf8' });
  assert.is(failing.status, 1, 'one refused: exit 1, even unread');
});

/** A tiny tmpfs where the test can mount one (root on Linux), else undefined. */
function tinyDisk(kib: number): { dir: string; unmount: () => void } | undefined {
  const dir = tempDir('k8s-chart-tmpfs-');
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k`, 'tmpfs', dir]);
  if (mounted.status !== 0) return undefined;
  return { dir, unmount: () => spawnSync('umount', [dir]) };
}

test('a full disk: one line, and neither temporary files nor a journal are left behind', () => {
  const disk = tinyDisk(48);
  try {
    const out = disk?.dir ?? tempDir();
    const env = disk ? {} : { K8S_CHART_FAULT: 'enospc:5' };
    const run = spawnSync(process.execPath, [binPath, '--answers', answersFile(firstAnswers), '--output', out], { env: { ...process.env, ...env }, encoding: 'utf8' });
    assert.is(run.status, 1, run.stdout);
    // The chart's own path is named, not that of the folder it was written in (gone by then).
    oneLine(run.stderr, new RegExp(`^${join(out, 'shop')}[/:].*no space left on device\n$`));
    assert.equal(readdirSync(out), [], 'a fresh chart that could not be written leaves nothing');
  } finally {
    disk?.unmount();
  }
  // An update stopped by a full disk leaves the chart as it was.
  const { out, tree } = chart();
  const before = tree();
  const run = spawnSync(process.execPath, [binPath, '--answers', answersFile(secondAnswers.replace('LOG_LEVEL: debug', 'LOG_LEVEL: trace')), '--output', out], {
    env: { ...process.env, K8S_CHART_FAULT: 'enospc:1' },
    encoding: 'utf8',
  });
  assert.is(run.status, 1);
  oneLine(run.stderr, /no space left on device/);
  assert.is(tree(), before);
});

test('file-system errors are one line naming the path: a file in the way, a dangling link, a loop, no permission', () => {
  const base = tempDir();
  const file = join(base, 'a-file');
  writeFileSync(file, 'x');
  const answers = answersFile(firstAnswers);
  const outFile = runBin(['--answers', answers, '--output', file]);
  assert.is(outFile.status, 1);
  oneLine(outFile.stderr, new RegExp(`^${file}/shop: not a directory`));
  writeFileSync(join(base, 'shop'), 'x');
  oneLine(runBin(['--answers', answers, '--output', base]).stderr, new RegExp(`^${base}/shop: not a directory`));
  const dangling = tempDir();
  symlinkSync(join(dangling, 'nowhere'), join(dangling, 'shop'));
  oneLine(runBin(['--answers', answers, '--output', dangling]).stderr, /shop: is a symbolic link/);
  const loop = tempDir();
  symlinkSync(join(loop, 'out'), join(loop, 'out'));
  const looped = runBin(['--answers', answers, '--output', join(loop, 'out')]);
  assert.is(looped.status, 1);
  oneLine(looped.stderr, /out\/shop: a loop of symbolic links/);
  // As an unprivileged user, in a folder it may not write: where that user can run the bin at all
  // (a clone inside a folder only root may enter, such as /root or mktemp's, is out of its reach).
  const asNobody = (args: string[], input = '') =>
    spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...args], { input, encoding: 'utf8', cwd: '/' });
  if (process.getuid?.() === 0 && asNobody([binPath, '--version']).status === 0) {
    const closed = tempDir();
    execFileSync('chmod', ['755', closed]);
    const run = asNobody([binPath, '--answers', '-', '--output', closed], firstAnswers);
    assert.is(run.status, 1, run.stderr);
    oneLine(run.stderr, new RegExp(`^${closed}/shop: permission denied`));
  }
});

test('many answers files in one call: each written as alone, bad ones named, a summary, non-zero if any failed', () => {
  const folder = tempDir();
  writeFileSync(join(folder, 'a.yaml'), firstAnswers.replace('name: shop', 'name: alpha'));
  writeFileSync(join(folder, 'b.json'), JSON.stringify(load(firstAnswers.replace('name: shop', 'name: beta'))));
  writeFileSync(join(folder, 'c.yml'), firstAnswers.replace('name: shop', 'name: gamma').replace('repository: ghcr.io/acme/shop', 'repository: ghcr.io/acme/shop\n  tag: latest'));
  writeFileSync(join(folder, 'notes.txt'), 'not an answers file');
  const out = tempDir();
  const run = runBin(['--answers', folder, '--answers', answersFile(firstAnswers), '--output', out]);
  assert.is(run.status, 1);
  assert.match(run.stderr, new RegExp(`^${join(folder, 'c.yml')}: image\\.tag: `, 'm'));
  assert.match(run.stdout, /^k8s-chart: 3 written, 0 updated, 0 up to date, 1 refused$/m);
  assert.equal(readdirSync(out).sort(), ['alpha', 'beta', 'shop']);
  const again = runBin(['--answers', folder, '--output', out]);
  assert.match(again.stdout, /^k8s-chart: 0 written, 0 updated, 2 up to date, 1 refused$/m);
  // Two files for one chart: neither is written, said once.
  const twice = runBin(['--answers', answersFile(firstAnswers), '--answers', answersFile(secondAnswers), '--output', tempDir()]);
  assert.is(twice.status, 1);
  assert.is(twice.stderr.match(/all give the chart name "shop"; none of them is written/g)?.length, 1);
  // From standard input.
  const stdin = runBin(['--answers', '-', '--output', out], { input: firstAnswers.replace('name: shop', 'name: delta') });
  assert.is(stdin.status, 0, stdin.stderr);
  assert.ok(existsSync(join(out, 'delta/Chart.yaml')));
});

test('a batch big enough for worker threads: lines in the order of the files, each chart as if written alone', () => {
  const folder = tempDir();
  const names = Array.from({ length: 14 }, (_, i) => `app-${String(i).padStart(2, '0')}`);
  for (const name of names) writeFileSync(join(folder, `${name}.yaml`), firstAnswers.replace('name: shop', `name: ${name}`));
  // Two bad ones among them, one early, one late.
  writeFileSync(join(folder, 'app-03.yaml'), firstAnswers.replace('name: shop', 'name: app-03').replace('repository: ghcr.io/acme/shop', 'repository: ghcr.io/acme/shop\n  tag: latest'));
  writeFileSync(join(folder, 'app-11.yaml'), 'name: [');
  const out = tempDir();
  const run = runBin(['--answers', folder, '--output', out]);
  assert.is(run.status, 1);
  const good = names.filter((name) => name !== 'app-03' && name !== 'app-11');
  assert.equal(run.stdout.replace(/wrote \d+ files/g, 'wrote N files').split('\n').filter(Boolean), [...good.map((name) => `${join(out, name)}: wrote N files`), 'k8s-chart: 12 written, 0 updated, 0 up to date, 2 refused']);
  const early = run.stderr.indexOf(`${join(folder, 'app-03.yaml')}: image.tag: `);
  const late = run.stderr.indexOf(`${join(folder, 'app-11.yaml')}: not valid YAML or JSON`);
  assert.ok(early === 0 && late > early, run.stderr);
  const alone = tempDir();
  assert.is(runBin(['--answers', join(folder, 'app-13.yaml'), '--output', alone]).status, 0);
  const tree = (dir: string) => listFiles(dir).map((path) => `${path}\n${readFileSync(join(dir, path), 'latin1')}`);
  assert.equal(tree(join(out, 'app-13')), tree(join(alone, 'app-13')));
  assert.equal(readdirSync(out).sort(), good);
  // A chart that fails as a bug would is its own line; the others, in any thread, are written.
  const buggy = spawnSync(process.execPath, [binPath, '--answers', folder, '--output', tempDir()], { env: { ...process.env, K8S_CHART_FAULT: 'bug:app-09' }, encoding: 'utf8' });
  assert.is(buggy.status, 1);
  assert.match(buggy.stderr, new RegExp(`^${join(folder, 'app-09.yaml')}: k8s-chart failed on this chart \\(a bug; please report it\\): an injected bug$`, 'm'));
  assert.match(buggy.stdout, /^k8s-chart: 11 written, 0 updated, 0 up to date, 3 refused$/m);
});

test('records that are well-shaped but cannot be acted on are damaged, name themselves, and --force clears them', () => {
  const { out, chart: dir } = chart();
  for (const journal of [
    { state: 'committed', renames: [], deletes: ['.k8s-chart/lock'] },
    { state: 'committed', renames: [], deletes: ['templates'] },
    { state: 'committed', renames: [], deletes: ['Chart.yaml/x'] },
    { state: 'committed', renames: [], deletes: ['y'.repeat(300)] },
  ]) {
    writeJournal(dir, journal);
    const run = update(out);
    assert.is(run.status, 1, JSON.stringify(journal));
    oneLine(run.stderr, /\.k8s-chart\/journal\.json: damaged \(.+\); remove it or pass --force\n$/);
    assert.ok(existsSync(join(dir, 'templates')) && existsSync(join(dir, 'Chart.yaml')));
    const forced = update(out, '--force');
    assert.is(forced.status, 0, forced.stderr);
  }
  writeBase(dir, { ...readBase(dir), '.k8s-chart/lock': '' });
  oneLine(update(out).stderr, /base\.json\.br: damaged \(path "\.k8s-chart\/lock" is one of k8s-chart's own records\)/);
});

test('stored answers: a null section is no answer, deep nesting is damage; a huge patch number still bumps', () => {
  const { out, chart: dir } = chart();
  const record = join(dir, '.yo-rc.json');
  const entry = JSON.parse(readFileSync(record, 'utf8'));
  const write = (change: (e: any) => void) => {
    const copy = structuredClone(entry);
    change(copy['generator-k8s-chart']);
    writeFileSync(record, JSON.stringify(copy));
  };
  write((e) => Object.assign(e.answers, { httpRoute: null, persistence: null }));
  assert.is(update(out).status, 0);
  let deep: unknown = 'x';
  for (let i = 0; i < 1000; i++) deep = [deep];
  write((e) => (e.answers.config.data = { DEEP: deep }));
  oneLine(update(out).stderr, /\.yo-rc\.json: damaged \(generator-k8s-chart: answers nested deeper than 16 levels\)/);
  writeFileSync(record, JSON.stringify(entry));
  const bumped = runBin(['--answers', answersFile(firstAnswers.replace('LOG_LEVEL: info', 'LOG_LEVEL: trace')), '--output', out]);
  assert.is(bumped.status, 0, bumped.stderr);
  const current = JSON.parse(readFileSync(record, 'utf8'));
  current['generator-k8s-chart'].chartVersion = '0.1.999999999999999999999999';
  writeFileSync(record, JSON.stringify(current));
  writeFileSync(join(dir, 'Chart.yaml'), readFileSync(join(dir, 'Chart.yaml'), 'utf8').replace(/^version: .*$/m, 'version: 0.1.999999999999999999999999'));
  const base = readBase(dir);
  base['Chart.yaml'] = base['Chart.yaml']!.replace(/^version: .*$/m, 'version: 0.1.999999999999999999999999');
  writeBase(dir, base);
  const run = runBin(['--answers', answersFile(firstAnswers), '--output', out]);
  assert.is(run.status, 0, run.stderr);
  assert.match(readFileSync(join(dir, 'Chart.yaml'), 'utf8'), /^version: 0\.1\.1000000000000000000000000$/m);
});

test('a lock with pid 0, a negative pid or no start time is no live run', () => {
  const { out, chart: dir } = chart();
  for (const holder of [{ pid: 0, started: '1' }, { pid: -1, started: '1' }, { pid: 1, started: '' }]) {
    writeFileSync(join(dir, '.k8s-chart/lock'), JSON.stringify({ ...holder, host: hostname() }));
    const run = update(out);
    assert.is(run.status, 0, `${JSON.stringify(holder)}: ${run.stderr}`);
  }
});

test('answers: line separators refused, an alias bomb refused in seconds, a map where text belongs named by its path', () => {
  const separator = runBin(['--answers', answersFile(firstAnswers.replace('name: shop', 'name: shop\ndescription: "a\u2028---\u2028kind: X"')), '--output', tempDir()]);
  oneLine(separator.stderr, /^description: must not hold a control character \(U\+2028\)/m);
  const keys = Array.from({ length: 100000 }, (_, i) => `  k${i}: v`).join('\n');
  const chain = Array.from({ length: 10 }, (_, i) => `x${i + 1}: &a${i + 1} [*a${i}, *a${i}]`).join('\n');
  const started = Date.now();
  const bomb = runBin(['--answers', answersFile(`${firstAnswers}x0: &a0\n${keys}\n${chain}\n`), '--output', tempDir()]);
  assert.is(bomb.status, 1);
  oneLine(bomb.stderr, /more than 200000 values once its aliases are expanded/);
  assert.ok(Date.now() - started < 20000, `${Date.now() - started} ms`);
  const map = runBin(['--answers', answersFile(firstAnswers.replace('LOG_LEVEL: info', 'LOG_LEVEL: {a: b}')), '--output', tempDir()]);
  assert.is(map.status, 1);
  oneLine(map.stderr, /^config\.data\.LOG_LEVEL: /m);
});

test('yo k8s-chart in a chart whose .yo-rc.json is a link or a FIFO: refused before Yeoman reads it', async () => {
  for (const plant of [(record: string, c: ReturnType<typeof canary>) => symlinkSync(c.file, record), (record: string) => execFileSync('mkfifo', [record])]) {
    const c = canary();
    const { chart: dir } = chart();
    rmSync(join(dir, '.yo-rc.json'));
    plant(join(dir, '.yo-rc.json'), c);
    let failure: Error | undefined;
    try {
      await helpers.run(builtGenerator, {}, { force: false } as never).cd(dir).withOptions({ answers: answersFile(secondAnswers), force: false } as never);
    } catch (error) {
      failure = error as Error;
    }
    assert.instance(failure, Error);
    assert.match(failure!.message, /\.yo-rc\.json: (is a symbolic link|is not a regular file)/);
    assert.not.match(failure!.message, /the canary/);
    c.intact();
  }
});

test('--output naming a symlink is the user\'s own choice of folder: followed, and the chart written there', () => {
  const real = tempDir();
  const link = join(tempDir(), 'charts');
  symlinkSync(real, link);
  const run = runBin(['--answers', answersFile(firstAnswers), '--output', link]);
  assert.is(run.status, 0, run.stderr);
  assert.ok(existsSync(join(real, 'shop/Chart.yaml')));
  assert.is(runBin(['--answers', answersFile(secondAnswers), '--output', link]).status, 0, 'and updated there');
});

test('a copy of a chart keeps working: nothing in the records is tied to where it was made', () => {
  const { chart: dir } = chart();
  const moved = tempDir();
  cpSync(dir, join(moved, 'shop'), { recursive: true });
  assert.is(update(moved).status, 0);
});

test('an answers folder holding a FIFO, a link to a device or hidden files: each named in one line, never read; the good ones are written', () => {
  const folder = tempDir('k8s-chart-folder-');
  writeFileSync(join(folder, 'a.yaml'), firstAnswers);
  execFileSync('mkfifo', [join(folder, 'b.yaml')]);
  symlinkSync('/dev/zero', join(folder, 'z.yaml'));
  symlinkSync(join(folder, 'missing'), join(folder, '.#a.yaml'));
  writeFileSync(join(folder, '.yo-rc.json'), '{}');
  const out = tempDir('k8s-chart-folder-out-');
  const run = spawnSync(process.execPath, [binPath, '--answers', folder, '--output', out], { encoding: 'utf8', timeout: 60_000 });
  assert.is(run.signal, null, 'the run ended by itself');
  assert.is(run.status, 1, run.stdout);
  oneLine(run.stderr, /b\.yaml: a FIFO, not an answers file/);
  oneLine(run.stderr, /z\.yaml: a device, not an answers file/);
  assert.not.match(run.stderr, /\.#a\.yaml|\.yo-rc\.json/);
  assert.ok(existsSync(join(out, 'shop', 'Chart.yaml')), 'a.yaml was written');
  // Named on the command line, a device is read only up to the size limit.
  const zero = spawnSync(process.execPath, [binPath, '--answers', '/dev/zero', '--output', out], { encoding: 'utf8', timeout: 60_000 });
  assert.is(zero.status, 1);
  oneLine(zero.stderr, /\/dev\/zero: too large for an answers file/);
});

test('a refused write below a planted link leaves no journal: the next run is a plain one', () => {
  const c = canary();
  const { out, chart: dir } = chart();
  symlinkSync(c.dir, join(dir, 'templates', 'worker'));
  const worker = `${firstAnswers}\ncomponents:\n  worker:\n    workload: {kind: Deployment, command: [bin/worker], livenessCommand: [bin/ok]}\n`;
  const refused = runBin(['--answers', answersFile(worker), '--output', out]);
  assert.is(refused.status, 1);
  oneLine(refused.stderr, /templates\/worker: is a symbolic link/);
  assert.not.ok(existsSync(join(dir, '.k8s-chart', 'journal.json')), 'no journal left');
  const next = runBin(['--answers', answersFile(firstAnswers), '--output', out]);
  assert.is(next.status, 0, next.stderr);
  assert.not.match(next.stderr, /interrupted/);
  c.intact();
});

test('install-time values cannot inject fields through a name override, or remove a component by null', () => {
  const { chart: dir } = chart();
  for (const helm of binaries) {
    for (const value of ['qw"\n  namespace: "kube-system', 'svc", "-e", "sh', 'UPPER']) {
      const file = join(tempDir(), 'override.yaml');
      writeFileSync(file, `fullnameOverride: ${JSON.stringify(value)}\n`);
      const rendered = helmTemplate(helm.bin, dir, { valuesFiles: [file] });
      assert.not.ok(rendered.ok, `${helm.name} rendered fullnameOverride=${JSON.stringify(value)}`);
      assert.match(rendered.output, /fullnameOverride/);
    }
    assert.ok(helmTemplate(helm.bin, dir, { set: ['fullnameOverride=my-shop', 'nameOverride=store'] }).ok);
  }
  const bookshop = join(tempDir('k8s-chart-null-component-'), 'bookshop');
  cpSync(new URL('../examples/bookshop', import.meta.url), bookshop, { recursive: true });
  const values = join(tempDir(), 'null.yaml');
  writeFileSync(values, 'components:\n  worker:\n');
  for (const helm of binaries) {
    const rendered = helmTemplate(helm.bin, bookshop, { valuesFiles: [values] });
    assert.not.ok(rendered.ok);
    oneLine(rendered.output, /components\.worker: these values removed it \(null\)/);
  }
});

test.run();
