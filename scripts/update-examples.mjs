// Rewrites the golden charts: examples/<answers>.yaml → examples/<name>/, from the built code.
// Run only on purpose (`npm run examples:update`), then review the diff: the tests compare
// every generated file with these, byte for byte.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { loadAnswersFile } = await import(join(root, 'dist/src/answers/load.js'));
const { generate } = await import(join(root, 'dist/src/generate.js'));
const { formatProblems } = await import(join(root, 'dist/src/answers/validate.js'));
const { applyChanges } = await import(join(root, 'dist/src/write.js'));

for (const file of readdirSync(join(root, 'examples')).filter((name) => name.endsWith('.yaml')).sort()) {
  const generation = generate(loadAnswersFile(join(root, 'examples', file)));
  if (!generation.ok) throw new Error(`examples/${file}:\n${formatProblems(generation.problems)}`);
  const chartDir = join(root, 'examples', generation.model.name);
  rmSync(chartDir, { recursive: true, force: true });
  applyChanges(chartDir, generation.files);
  console.log(`examples/${file} → examples/${generation.model.name}/ (${generation.files.length} files)`);
}
