// Issue 13's layering: nothing under src/ loads Yeoman (the generator and its interactive entry
// live in generators/app/), and the bin's --answers bundle holds none of the questions' code.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { askQuestions } from '../src/parts/questions.ts';
import type { Question } from '../src/prompts.ts';
import { repoRoot } from './support/paths.ts';
import { tempDir } from './support/bin.ts';

const YEOMAN = /^(yeoman-|@yeoman\/|inquirer|@inquirer\/)/;

/** Every module the .ts files under `dir` load, followed through static and dynamic imports
 * (esbuild resolves them): a Yeoman package or a module outside `dir`, each as one line. */
async function yeomanReach(dir: string): Promise<string[]> {
  const entryPoints = (readdirSync(dir, { recursive: true }) as string[]).filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts')).map((path) => join(dir, path));
  const { metafile } = await build({ entryPoints, absWorkingDir: dir, bundle: true, write: false, metafile: true, platform: 'node', format: 'esm', packages: 'external', outdir: tempDir(), logLevel: 'silent' });
  const problems: string[] = [];
  // esbuild names each input relative to absWorkingDir (not the current directory, which other
  // tests in this process change).
  for (const [from, { imports }] of Object.entries(metafile.inputs)) {
    // check/ is the rule checker, a module apart that the bin's `check` loads; its imports are
    // scanned too. Anything else outside src/ (generators/) must never be loaded from it.
    if (from.startsWith('..') && !from.startsWith('../check/')) problems.push(`${from}: loaded from ${relative(repoRoot, dir)}/, which must stay free of Yeoman`);
    for (const item of imports) if (item.external && YEOMAN.test(item.path)) problems.push(`${from} imports ${item.path}`);
  }
  return problems;
}

test('nothing under src/ imports Yeoman, nor a module outside src/ (generators/ import src/, never the reverse)', async () => {
  assert.equal(await yeomanReach(join(repoRoot, 'src')), []);
});

test('the scan finds a planted Yeoman import, static or dynamic, direct or through generators/', async () => {
  const root = tempDir();
  mkdirSync(join(root, 'src/parts'), { recursive: true });
  mkdirSync(join(root, 'generators'));
  writeFileSync(join(root, 'src/clean.ts'), "import { join } from 'node:path';\nexport const at = join('a', 'b');\n");
  writeFileSync(join(root, 'src/parts/asks.ts'), "import Generator from 'yeoman-generator';\nexport const G = Generator;\n");
  writeFileSync(join(root, 'src/later.ts'), "export const later = () => import('@yeoman/adapter');\n");
  writeFileSync(join(root, 'src/entry.ts'), "export const run = () => import('../generators/run.ts');\n");
  writeFileSync(join(root, 'generators/run.ts'), "export { createEnv } from 'yeoman-environment';\n");
  const found = await yeomanReach(join(root, 'src'));
  assert.ok(found.includes('parts/asks.ts imports yeoman-generator'), found.join('\n'));
  assert.ok(found.includes('later.ts imports @yeoman/adapter'), found.join('\n'));
  assert.ok(found.some((line) => line.startsWith('../generators/run.ts: loaded from')), found.join('\n'));
  assert.not.ok(found.some((line) => line.startsWith('clean.ts')));
});

test("the bin's --answers bundle holds no question: none of the messages asked appears in it", async () => {
  const messages: string[] = [];
  // Every question a chart with a port, an Ingress, a Gateway API route and secrets asks.
  const given: Record<string, unknown> = { name: 'demo', imageRepository: 'ghcr.io/acme/demo:1.0.0', port: '8080', exposure: 'Ingress and Gateway API', ingressHost: 'demo.example.com', gatewayName: 'shared', secretKeys: 'API_TOKEN', persistence: true, autoscaling: true };
  const prompt = async ([question]: Question[]) => {
    messages.push(question!.message);
    return { [question!.name]: given[question!.name] ?? question!.default ?? '' };
  };
  await askQuestions(prompt, {});
  assert.ok(messages.length > 25, `${messages.length} questions`);
  // Some questions read as the answers schema's descriptions ("Chart name") or a values.yaml
  // comment, which the bundle holds: only the long ones, of their own wording, say something.
  const schema = readFileSync(join(repoRoot, 'schema/answers.schema.json'), 'utf8');
  const own = messages.filter((message) => message.length >= 30 && !schema.includes(message));
  assert.ok(own.length > 15, `${own.length} questions of their own wording`);
  const bundle = readFileSync(join(repoRoot, 'dist/src/cli.bundle.cjs'), 'utf8');
  assert.equal(own.filter((message) => bundle.includes(message)), []);
});

test.run();
