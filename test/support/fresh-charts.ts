// The charts behaviour tests render: generated now, from the example answers, by the code under
// test. The committed examples/<name>/ are golden files (test/examples.test.ts compares them byte
// for byte); a behaviour test that rendered them would still pass on a stale golden file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { loadAnswersFile } from '../../src/answers/load.ts';
import { formatProblems } from '../../src/answers/validate.ts';
import { generate } from '../../src/generate.ts';
import { applyChanges } from '../../src/write.ts';
import { examplesDir, exampleAnswerFiles } from './paths.ts';

/** The examples by their answers file's name (examples/<example>.yaml), sorted. */
export const exampleNames = exampleAnswerFiles.map((file) => basename(file, '.yaml'));

let root: string | undefined;
const written = new Map<string, string>();

/** The chart examples/<example>.yaml generates, written into a temporary folder once per test
 * process; returns the chart's folder (named like the chart, as Helm expects). Read it, never
 * change it: the tests of the process share it. */
export function freshChart(example: string): string {
  const cached = written.get(example);
  if (cached) return cached;
  if (!root) {
    const dir = mkdtempSync(join(tmpdir(), 'k8s-chart-fresh-'));
    root = dir;
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  const generation = generate(loadAnswersFile(join(examplesDir, `${example}.yaml`)));
  if (!generation.ok) throw new Error(`examples/${example}.yaml: ${formatProblems(generation.problems)}`);
  const chartDir = join(root, example, generation.model.name);
  applyChanges(chartDir, generation.files);
  written.set(example, chartDir);
  return chartDir;
}
