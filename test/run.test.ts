// runGeneration, the one flow of the bin and `yo k8s-chart`: lock, recover, snapshot, plan, write,
// and a report as data (what was created, updated, removed and kept) for the caller to show.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { runGeneration, RunError } from '../src/run.ts';
import { shopAnswers } from './support/answers.ts';
import { listFiles } from './support/paths.ts';
import { tempDir } from './support/bin.ts';

const given = load(shopAnswers) as Record<string, unknown>;

test('a fresh chart: every file created, the records flagged as such; a second run changes nothing', async () => {
  const chartDir = join(tempDir(), 'shop');
  const report = await runGeneration({ chartDir, given });
  assert.is(report.plan.update, false);
  assert.equal(report.files.map((file) => file.path).toSorted(), listFiles(chartDir), 'the report names every file written');
  assert.ok(report.files.every((file) => file.action === 'created'));
  assert.equal(report.files.filter((file) => file.record).map((file) => file.path).toSorted(), ['.k8s-chart/base.json.br', '.yo-rc.json']);
  assert.not.ok(existsSync(join(chartDir, '.k8s-chart/lock')), 'the lock is given back');
  const again = await runGeneration({ chartDir, given: {} });
  assert.is(again.plan.update, true);
  assert.equal(again.written, []);
  assert.is(again.kept, report.files.filter((file) => !file.record).length);
});

test('an update: the changed file is reported updated, the rest kept; a dry run writes nothing', async () => {
  const chartDir = join(tempDir(), 'shop');
  await runGeneration({ chartDir, given });
  const values = join(chartDir, 'values.yaml');
  writeFileSync(values, `# mine\n${readFileSync(values, 'utf8')}`);
  const change = { config: { data: { LOG_LEVEL: 'debug' } } };
  const before = readFileSync(values, 'utf8');
  const dry = await runGeneration({ chartDir, given: change, dryRun: true });
  assert.is(readFileSync(values, 'utf8'), before, 'a dry run writes nothing');
  assert.ok(dry.files.some((file) => file.path === 'values.yaml' && file.action === 'updated'));
  const report = await runGeneration({ chartDir, given: change });
  assert.equal(report.files.map((file) => file.path), dry.files.map((file) => file.path), 'the dry run said what the run does');
  const own = report.files.filter((file) => !file.record);
  assert.ok(own.every((file) => file.action === 'updated'), JSON.stringify(own));
  assert.ok(readFileSync(values, 'utf8').startsWith('# mine\n'), 'the edit survives');
  assert.is(report.kept + own.length, report.plan.generated.filter((path) => !path.startsWith('.k8s-chart/') && path !== '.yo-rc.json').length);
});

test('choose decides what is written, before a fresh chart exists or under the lock of one; refused answers are a RunError and write nothing', async () => {
  const chartDir = join(tempDir(), 'shop');
  let before = true;
  const report = await runGeneration({
    chartDir,
    given,
    choose: (plan) => {
      before = !existsSync(chartDir);
      return plan.changes.filter((change) => change.path !== 'README.md');
    },
  });
  assert.ok(before, 'a fresh chart appears only once written, after choose');
  assert.not.ok(existsSync(join(chartDir, 'README.md')));
  assert.not.ok(report.files.some((file) => file.path === 'README.md'));
  assert.not.ok(existsSync(join(chartDir, '.k8s-chart/lock')), 'no lock is left');
  let locked = false;
  await runGeneration({
    chartDir,
    given: { config: { data: { LOG_LEVEL: 'debug' } } },
    choose: (plan) => {
      locked = existsSync(join(chartDir, '.k8s-chart/lock'));
      return plan.changes;
    },
  });
  assert.ok(locked, "choose runs under an existing chart's lock");
  const refused = join(tempDir(), 'bad');
  try {
    await runGeneration({ chartDir: refused, given: { ...given, service: { port: 'eighty' } } });
    assert.unreachable('accepted');
  } catch (error) {
    assert.instance(error, RunError);
    assert.match((error as Error).message, /^service\.port/);
  }
  assert.not.ok(existsSync(refused), 'nothing is left behind');
});

test.run();
