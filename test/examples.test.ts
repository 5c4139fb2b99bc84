// Golden files: each examples/<answers>.yaml must generate exactly the chart in examples/<name>/.
// After an intended change, rewrite them with `npm run examples:update` and review the diff.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadAnswersFile } from '../src/answers/load.ts';
import { generate } from '../src/generate.ts';
import { formatProblems } from '../src/answers/validate.ts';
import { examplesDir, exampleAnswerFiles, listFiles } from './support/paths.ts';

const HINT = 'run `npm run examples:update` if the change is intended, and review the diff';

for (const file of exampleAnswerFiles) {
  test(`examples/${basename(file)} generates examples/${basename(file, '.yaml')}/ byte for byte`, () => {
    const generation = generate(loadAnswersFile(file));
    assert.ok(generation.ok, generation.ok ? '' : formatProblems(generation.problems));
    if (!generation.ok) return;
    const chartDir = join(examplesDir, generation.model.name);
    assert.ok(existsSync(chartDir), `${chartDir} is missing: ${HINT}`);
    assert.equal(generation.files.map((f) => f.path).toSorted(), listFiles(chartDir), `the file list differs: ${HINT}`);
    for (const generated of generation.files) {
      const golden = readFileSync(join(chartDir, generated.path));
      if (typeof generated.content === 'string') {
        assert.fixture(generated.content, golden.toString('utf8'), `${generated.path} differs: ${HINT}`);
      } else {
        assert.ok(golden.equals(generated.content), `${generated.path} differs: ${HINT}`);
      }
    }
  });
}

test('every example chart has its answers file', () => {
  const charts = listFiles(examplesDir)
    .filter((path) => path.endsWith('/Chart.yaml'))
    .map((path) => path.split('/')[0]);
  for (const chart of charts) {
    const answers = loadAnswersFile(join(examplesDir, `${chart}.yaml`)) as { name: string };
    assert.is(answers.name, chart, `examples/${chart}.yaml must hold the answers of examples/${chart}/`);
  }
});

test('no Handlebars expression leaks into any generated file', () => {
  for (const file of exampleAnswerFiles) {
    const generation = generate(loadAnswersFile(file));
    assert.ok(generation.ok);
    if (!generation.ok) return;
    for (const { path, content } of generation.files) {
      if (typeof content !== 'string') continue; // the compressed record of the generation
      // Helm's actions are written `{{ x }}` or `{{- x }}`: a `{{x` is a Handlebars leftover, and
      // a backslash before `{{` an escape that was not consumed.
      assert.not.match(content, /\{\{[^\s\-/]/, `${path} has a Handlebars expression`);
      assert.not.match(content, /\\\{\{/, `${path} has an unconsumed \\{{ escape`);
      // A ci/ values file may hold a Helm expression as data: extraDeploy renders it through tpl.
      if (!path.startsWith('templates/') && !path.startsWith('ci/')) assert.not.match(content, /\{\{/, `${path} is not a Helm template`);
    }
  }
});

test.run();
