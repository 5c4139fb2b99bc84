// What the per-part tests (test/parts/) share: fresh answers, and each layer of a part reached
// through the part's own interface (src/parts/part.ts) or the one entry that walks every part.
import * as assert from 'uvu/assert';
import type { Part } from '../../src/parts/part.ts';
import { PARTS } from '../../src/parts/index.ts';
import { validateAnswers, type Problem } from '../../src/answers/validate.ts';
import { toModel, type Answers, type ChartModel } from '../../src/model.ts';
import { renderChart } from '../../src/chart/plan.ts';
import { kindTraits, type WorkloadKind } from '../../src/kinds/traits.ts';
import type { ValueNode, ValueSection } from '../../src/chart/values-tree.ts';

type Data = Record<string, unknown>;

/** The smallest answers of a long-running app with a port; each test adds what its part needs. */
export const base = (extra: Data = {}): Data => ({
  name: 'app',
  appVersion: '1.0.0',
  image: { repository: 'ghcr.io/acme/app' },
  service: { port: 8080 },
  ...extra,
});

/** The part of PARTS by its name: the tests reach it as every layer does. */
export function partNamed(name: string): Part {
  const part = PARTS.find((candidate) => candidate.name === name);
  assert.ok(part, `no part ${name} in PARTS`);
  return part!;
}

/** Every problem validateAnswers reports (schema and rules), as `path: message` lines. */
export function problems(data: Data): string[] {
  const validation = validateAnswers(data);
  return validation.ok ? [] : validation.problems.map(line);
}

/** The answers are refused, and one of the problems names the field at `path`. */
export function refusedAt(data: Data, path: string, message?: RegExp): void {
  const found = problems(data);
  const atPath = found.filter((problem) => problem.startsWith(`${path}: `));
  assert.ok(atPath.length > 0, `expected a problem at ${path}, got:\n${found.join('\n') || '(none: accepted)'}`);
  if (message) assert.ok(atPath.some((problem) => message.test(problem)), `${path}: expected ${message}, got:\n${atPath.join('\n')}`);
}

/** The answers pass the schema and every rule. */
export function accepted(data: Data): void {
  assert.equal(problems(data), [], 'accepted');
}

/** The problems of one part's rules alone, on the answers as given, as `path: message` lines. */
export function ruleProblems(part: Part, given: Data): string[] {
  assert.ok(part.rules, `${part.name} has rules`);
  const kind = kindTraits(((given.workload as Data | undefined)?.kind as WorkloadKind | undefined) ?? 'Deployment');
  return part.rules!({ given: given as Partial<Answers>, kind }).map(line);
}

/** The chart model of valid answers (every part's defaults applied). */
export function modelOf(data: Data): ChartModel {
  const validation = validateAnswers(data);
  assert.ok(validation.ok, validation.ok ? '' : validation.problems.map(line).join('\n'));
  return toModel((validation as { answers: Answers }).answers);
}

/** The top-level keys of values.yaml that a part's sections hold, for these answers. */
export function valueKeys(part: Part, data: Data): string[] {
  return (part.values?.(modelOf(data)) ?? []).flatMap((section: ValueSection) => section.nodes.map((node: ValueNode) => node.key));
}

/** The rendered chart's files by path (no Helm: the generator's own render). */
export function chartFiles(data: Data): Map<string, string> {
  return new Map(renderChart(modelOf(data)).map((file) => [file.path, String(file.content)]));
}

/** The top-level properties of the rendered values.schema.json. */
export function schemaKeys(data: Data): string[] {
  const schema = JSON.parse(chartFiles(data).get('values.schema.json')!) as { properties: Data };
  return Object.keys(schema.properties);
}

/** The part's values: its keys present in values.yaml's sections and in values.schema.json when
 * `on`, gone from both when `off` (give off = undefined for a part whose values are always there). */
export function assertValues(part: Part, keys: string[], on: Data, off?: Data): void {
  const onKeys = valueKeys(part, on);
  const onSchema = schemaKeys(on);
  for (const key of keys) {
    assert.ok(onKeys.includes(key), `${part.name}: values key ${key} (has ${onKeys.join(', ')})`);
    assert.ok(onSchema.includes(key), `${part.name}: values.schema.json has ${key}`);
  }
  if (!off) return;
  const offKeys = valueKeys(part, off);
  const offSchema = schemaKeys(off);
  for (const key of keys) {
    assert.not.ok(offKeys.includes(key), `${part.name}: no values key ${key} when off`);
    assert.not.ok(offSchema.includes(key), `${part.name}: values.schema.json has no ${key} when off`);
  }
}

/** The part's files: each of `paths` in the rendered chart for `on`, none of them for `off`. */
export function assertFiles(paths: string[], on: Data, off?: Data): void {
  const onFiles = chartFiles(on);
  for (const path of paths) assert.ok(onFiles.has(path), `${path} is in the chart`);
  if (!off) return;
  const offFiles = chartFiles(off);
  for (const path of paths) assert.not.ok(offFiles.has(path), `${path} is not in the chart`);
}

/** The part's own rows of the file plan: every path it may add, so a test names them all. */
export function planPaths(part: Part): string[] {
  return (part.files ?? []).map((file) => file.path);
}

const line = ({ path, message }: Problem) => (path ? `${path}: ${message}` : message);
