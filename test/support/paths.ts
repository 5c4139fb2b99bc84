// Where things are, for every test file.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const examplesDir = join(repoRoot, 'examples');
export const binPath = join(repoRoot, 'dist/bin/k8s-chart.js');

/** Every example answers file, by its path; the golden chart is examples/<name>/. */
export const exampleAnswerFiles = readdirSync(examplesDir)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => join(examplesDir, name));

/** Every file below dir, as relative paths with "/" separators, sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1).split('\\').join('/'))
    .sort();
}
