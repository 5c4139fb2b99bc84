// Answers files as editors and CI see them: every one the project ships or writes names the
// answers schema on its first line (yaml-language-server reads it), every key of that schema is
// described (the editor shows it), and a saved file regenerates the same chart.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { loadAnswersFile } from '../src/answers/load.ts';
import { answersFileText, packagedSchemaPath, saveAnswersFile, SCHEMA_COMMENT } from '../src/answers/save.ts';
import { generate } from '../src/generate.ts';
import { exampleAnswerFiles, repoRoot } from './support/paths.ts';

const schemaFile = join(repoRoot, 'schema/answers.schema.json');

/** The schema the first line of an answers file names, resolved from the file's folder. */
function schemaNamedBy(file: string, text: string): string | undefined {
  const first = text.split('\n', 1)[0]!;
  return first.startsWith(SCHEMA_COMMENT) ? resolve(dirname(file), first.slice(SCHEMA_COMMENT.length)) : undefined;
}

for (const file of exampleAnswerFiles) {
  test(`${file.slice(repoRoot.length)} names schema/answers.schema.json on its first line`, () => {
    assert.is(schemaNamedBy(file, readFileSync(file, 'utf8')), schemaFile);
  });
}

/** Every property (by its path) that has no description, wherever properties are declared. */
function undescribed(node: unknown, path = ''): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const schema = node as Record<string, unknown>;
  const found: string[] = [];
  for (const [key, child] of Object.entries((schema.properties ?? {}) as Record<string, unknown>)) {
    const at = path ? `${path}.${key}` : key;
    if (typeof (child as { description?: unknown }).description !== 'string' || (child as { description: string }).description.trim() === '') found.push(at);
    found.push(...undescribed(child, at));
  }
  for (const key of ['items', 'additionalProperties', 'if', 'then', 'else', 'not']) found.push(...undescribed(schema[key], `${path}${key === 'items' ? '[]' : key === 'additionalProperties' ? '.*' : ''}`));
  for (const key of ['oneOf', 'anyOf', 'allOf']) for (const branch of (schema[key] ?? []) as unknown[]) found.push(...undescribed(branch, path));
  for (const key of ['patternProperties', 'definitions', '$defs']) for (const child of Object.values((schema[key] ?? {}) as Record<string, unknown>)) found.push(...undescribed(child, path));
  return found;
}

test('every key of schema/answers.schema.json has a description', () => {
  // The walk finds a missing description where the schema nests one (so it can fail).
  assert.equal(undescribed({ properties: { a: { description: 'A', properties: { b: { type: 'string' } } }, c: { type: 'array', items: { properties: { d: {} } } } } }), ['a.b', 'c', 'c[].d']);
  assert.equal(undescribed(JSON.parse(readFileSync(schemaFile, 'utf8'))), []);
});

test('saved answers: the schema line first, then answers that regenerate the same chart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-chart-saved-'));
  try {
    const given = loadAnswersFile(join(repoRoot, 'examples/shop-api.yaml')) as Record<string, unknown>;
    const file = join(dir, 'ci', 'shop-api.answers.yaml');
    const text = answersFileText(given, file);
    assert.is(schemaNamedBy(file, text), packagedSchemaPath(), 'the packaged schema, by a path relative to the file');
    assert.ok(existsSync(packagedSchemaPath()));
    const saved = join(dir, 'shop-api.answers.yaml');
    saveAnswersFile(given, saved);
    const again = loadAnswersFile(saved);
    assert.equal(again, given);
    const [before, after] = [generate(given), generate(again)];
    assert.ok(before.ok && after.ok);
    if (before.ok && after.ok) assert.equal(after.files, before.files);
    // Secrets: the key names, never a value.
    assert.match(readFileSync(saved, 'utf8'), /keys:\n\s+- DATABASE_PASSWORD\n\s+- API_TOKEN\n/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a number YAML would not write back as it was written is refused by its path, never silently changed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-chart-lossy-'));
  const file = join(dir, 'answers.yaml');
  writeFileSync(file, 'name: app\nimage: {repository: ghcr.io/acme/app}\nconfig:\n  data:\n    API_VERSION: 1.10\n    ZIP: 01234\n    HEX: 0x1F\n    BIG: 12345678901234567890\n    PORT: 8080\n    RATIO: 0.5\n    QUOTED: "1.10"\n    1.10: x\n');
  let message = '';
  try {
    loadAnswersFile(file);
  } catch (error) {
    message = (error as Error).message;
  }
  const lines = message.split('\n');
  assert.equal(lines, [
    'config.data.API_VERSION: YAML reads 1.10 as the number 1.1, not as written: quote it ("1.10") to keep the text, or write 1.1',
    'config.data.ZIP: YAML reads 01234 as the number 1234, not as written: quote it ("01234") to keep the text, or write 1234',
    'config.data.HEX: YAML reads 0x1F as the number 31, not as written: quote it ("0x1F") to keep the text, or write 31',
    'config.data.BIG: YAML reads 12345678901234567890 as the number 12345678901234567000, not as written: quote it ("12345678901234567890") to keep the text, or write 12345678901234567000',
    'config.data.1.1: YAML reads this key as the number 1.1, not as text: quote it ("1.1" or as you meant it)',
  ]);
  // Numbers that read back as written stay numbers: config values become their text as before.
  writeFileSync(file, 'name: app\nappVersion: "1.0.0"\nimage: {repository: ghcr.io/acme/app}\nservice: {port: 8080}\nconfig:\n  data:\n    PORT: 8080\n    RATIO: 0.5\n');
  const generation = generate(loadAnswersFile(file) as Record<string, unknown>);
  assert.ok(generation.ok);
  assert.match(String(generation.files.find((f) => f.path === 'values.yaml')!.content), /PORT: "8080"\n\s+RATIO: "0\.5"/);
  rmSync(dir, { recursive: true });
});

test.run();
