// Planning is pure: an update is planned from a snapshot of the chart directory, as data. Reading
// is snapshot.ts's, writing is src/write.ts's; the renderer knows nothing of the update's record.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { generate } from '../src/generate.ts';
import { renderChart } from '../src/chart/plan.ts';
import { planUpdate, type ChartSnapshot } from '../src/update/plan-update.ts';
import { BASE_FILE, RECORD_FILE, parseBase, parseRecordEntry } from '../src/update/record.ts';
import { shopAnswers } from './support/answers.ts';
import { repoRoot } from './support/paths.ts';

/** Every module specifier a source file imports (static and dynamic). */
function importsOf(file: string): string[] {
  const source = readFileSync(join(repoRoot, file), 'utf8');
  return [...source.matchAll(/(?:^import\s[^;]*?from\s+|^export\s[^;]*?from\s+|import\()\s*'([^']+)'/gms)].map((match) => match[1]!);
}

test('planning imports nothing that reads or writes the disk', () => {
  for (const file of ['src/update/plan-update.ts', 'src/update/merge.ts', 'src/update/record.ts']) {
    const imports = importsOf(file);
    assert.ok(imports.length > 0, `${file}: no imports found (the pattern is broken)`);
    for (const specifier of imports) {
      assert.not.match(specifier, /^(node:)?fs(\/promises)?$/, `${file} imports ${specifier}`);
      assert.not.match(specifier, /snapshot\.ts$|disk\/lock\.ts$/, `${file} imports ${specifier}`);
      // The record uses chart-fs's path rules and error only; planning and merging use none of it.
      if (!file.endsWith('record.ts')) assert.not.match(specifier, /\/disk\//, `${file} imports ${specifier}`);
    }
  }
});

test('the renderer imports nothing of the update layer (one direction only: update/ uses chart/)', () => {
  const dir = join(repoRoot, 'src/chart');
  for (const name of readdirSync(dir).filter((entry) => entry.endsWith('.ts'))) {
    for (const specifier of importsOf(`src/chart/${name}`)) assert.not.match(specifier, /\/update\//, `src/chart/${name} imports ${specifier}`);
  }
});

test("renderChart gives the chart's own files; generate adds the record and the base, sorted by path", () => {
  const generation = generate(load(shopAnswers));
  assert.ok(generation.ok);
  if (!generation.ok) return;
  const own = renderChart(generation.model).map((file) => file.path);
  assert.not.ok(own.includes(RECORD_FILE) || own.includes(BASE_FILE), own.join('\n'));
  const paths = generation.files.map((file) => file.path);
  assert.equal(paths, [...[...own, RECORD_FILE].toSorted(), BASE_FILE]);
});

/** A chart as data only: the files of a generation, at a path that does not exist. */
function snapshotOf(files: Array<{ path: string; content: string | Buffer }>, edits: Record<string, string> = {}): ChartSnapshot {
  const dir = '/nonexistent/k8s-chart-snapshot/shop';
  const bytes = new Map<string, Buffer | Error>(files.map((file) => [file.path, Buffer.from(file.content)]));
  for (const [path, content] of Object.entries(edits)) bytes.set(path, Buffer.from(content));
  const entry = parseRecordEntry(dir, bytes.get(RECORD_FILE) as Buffer);
  assert.is(entry.kind, 'entry');
  if (entry.kind !== 'entry') throw new Error('no record');
  return { dir, occupied: true, record: parseBase(dir, entry.record, bytes.get(BASE_FILE) as Buffer), files: bytes };
}

test('an update is planned from a snapshot alone: the user edit in it is merged, no disk is read', () => {
  const first = generate(load(shopAnswers));
  assert.ok(first.ok);
  if (!first.ok) return;
  const values = first.files.find((file) => file.path === 'values.yaml')!.content as string;
  const edited = values.replace('replicaCount: 1', '# Two since the launch.\nreplicaCount: 2');
  assert.is.not(edited, values);
  const plan = planUpdate(snapshotOf(first.files, { 'values.yaml': edited }), { config: { data: { LOG_LEVEL: 'debug' } } });
  assert.ok(plan.ok, plan.ok ? '' : plan.message);
  if (!plan.ok) return;
  // Read from the (missing) disk, this would be a fresh chart, with nothing to merge.
  assert.ok(plan.update, 'planned as an update of the snapshot');
  const merged = plan.changes.find((change) => change.path === 'values.yaml')?.content as string;
  assert.ok(merged, plan.changes.map((change) => change.path).join('\n'));
  assert.match(merged, '# Two since the launch.\nreplicaCount: 2');
  assert.match(merged, /LOG_LEVEL: "?debug"?/);
  assert.is(plan.model.version, '0.1.1', 'a change to the chart bumps its patch version');
});

test('a path the snapshot could not read fails the plan only when the plan uses it', () => {
  const first = generate(load(shopAnswers));
  assert.ok(first.ok);
  if (!first.ok) return;
  const snapshot = snapshotOf(first.files);
  const unused = new Map(snapshot.files).set('templates/ingress.yaml', new Error('templates/ingress.yaml: is a symbolic link'));
  const same = planUpdate({ ...snapshot, files: unused }, {});
  assert.ok(same.ok && same.changes.length === 0, 'up to date: the unreadable path is not in this generation');
  const used = new Map(snapshot.files).set('values.yaml', new Error('values.yaml: is a symbolic link'));
  assert.throws(() => planUpdate({ ...snapshot, files: used }, {}), /values\.yaml: is a symbolic link/);
});

test.run();
