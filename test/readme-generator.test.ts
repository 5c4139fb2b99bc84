// Every example's values.yaml carries the `## @param` metadata that Bitnami's
// readme-generator-for-helm accepts with no error: each leaf of a structured value by its dotted
// path, free-form maps and lists of objects with the tool's [object] and [array] modifiers.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './support/paths.ts';
import { exampleNames, freshChart } from './support/fresh-charts.ts';

const tool = join(repoRoot, 'node_modules/@bitnami/readme-generator-for-helm/bin/index.js');
const charts = exampleNames;

function readmeGenerator(valuesYaml: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-chart-readme-generator-'));
  writeFileSync(join(dir, 'values.yaml'), valuesYaml);
  const result = spawnSync(process.execPath, [tool, '--values', join(dir, 'values.yaml'), '--schema', join(dir, 'schema.json')], { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

for (const chart of charts) {
  test(`${chart}: readme-generator-for-helm accepts the @param metadata of values.yaml`, () => {
    const result = readmeGenerator(readFileSync(join(freshChart(chart), 'values.yaml'), 'utf8'));
    assert.ok(result.ok, result.output);
    assert.match(result.output, /Metadata is correct/);
    assert.not.match(result.output, /ERROR/);
  });
}

test('the tool refuses a value without metadata and metadata without a value', () => {
  const values = readFileSync(join(freshChart('hello'), 'values.yaml'), 'utf8');
  const undocumented = readmeGenerator(values.replace('## @param podSecurityContext.runAsUser User ID the processes run as\n', ''));
  assert.not.ok(undocumented.ok);
  assert.match(undocumented.output, /Missing metadata for key: podSecurityContext\.runAsUser/);
  const stale = readmeGenerator(values.replace('## @section Pods\n', '## @section Pods\n## @param gone Not a value\n'));
  assert.not.ok(stale.ok);
  assert.match(stale.output, /Metadata provided for non existing key: gone/);
});

test.run();
