// Reads an answers file: YAML or JSON (JSON is YAML 1.2, so one parser reads both), from a path or
// from standard input ("-"). Maps are null-prototype objects (see data.ts); a key that YAML reads as
// something other than a string (`1.10:` is the number 1.1, `true:` a boolean) is refused with its
// path, since turning it back into a string would silently change it.
import { closeSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { CORE_SCHEMA, defineMappingTag, defineScalarTag, floatCoreTag, intCoreTag, load, YAMLException, type ScalarTagDefinition } from 'js-yaml';

export class AnswersFileError extends Error {}

/** An answers file is small; past this it is refused before parsing (a config map must fit 1 MiB). */
export const MAX_ANSWERS_BYTES = 4 * 1024 * 1024;

type Data = Record<string, unknown>;

/** How many values (maps, lists, scalars) an answers file may hold, aliases expanded. */
const MAX_NODES = 200_000;

/** The number of values below `data`, counting each alias again, stopping past `limit`. */
function countNodes(data: unknown, limit: number): number {
  let count = 0;
  const stack = [data];
  while (stack.length && count <= limit) {
    const node = stack.pop();
    count++;
    if (Array.isArray(node)) stack.push(...node);
    else if (node !== null && typeof node === 'object') stack.push(...Object.values(node));
  }
  return count;
}

/** Keys of each map that YAML did not read as strings, with what it read them as. */
const nonStringKeys = new WeakMap<Data, Map<string, unknown>>();

/** A number YAML read from text it does not write back (1.10, 01234, 0x1F, a 20-digit number): kept
 * with what was written, so it is refused by its path instead of silently changed. */
class LossyNumber {
  readonly source: string;
  readonly value: number;
  constructor(source: string, value: number) {
    this.source = source;
    this.value = value;
  }
}

/** YAML's own int or float tag, but a number that does not print as it was written is a LossyNumber. */
function asWritten(tag: ScalarTagDefinition<unknown>): ScalarTagDefinition<unknown> {
  return defineScalarTag(tag.tagName, {
    ...tag,
    resolve(source, isExplicit, tagName) {
      const value = tag.resolve(source, isExplicit, tagName);
      return typeof value === 'number' && !isExplicit && String(value) !== source ? new LossyNumber(source, value) : value;
    },
  });
}

const answersMapTag = defineMappingTag<Data>('tag:yaml.org,2002:map', {
  create: () => Object.create(null) as Data,
  identify: (value): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value),
  represent: (data) => new Map(Object.entries(data)),
  addPair: (container, written, value) => {
    const key = written instanceof LossyNumber ? written.value : written;
    if (key !== null && typeof key === 'object') return 'a key must be a plain string, not a mapping or a list';
    const name = String(key);
    if (typeof key !== 'string') {
      const keys = nonStringKeys.get(container) ?? new Map<string, unknown>();
      keys.set(name, key);
      nonStringKeys.set(container, keys);
    }
    container[name] = value;
    return '';
  },
  has: (container, key) => Object.hasOwn(container, String(key)),
  keys: (container) => Object.keys(container),
  get: (container, key) => (Object.hasOwn(container, String(key)) ? container[String(key)] : null),
});

const ANSWERS_SCHEMA = CORE_SCHEMA.withTags(answersMapTag, asWritten(intCoreTag as ScalarTagDefinition<unknown>), asWritten(floatCoreTag as ScalarTagDefinition<unknown>));

function describe(value: unknown): string {
  if (value === null) return 'null (nothing)';
  return `the ${typeof value === 'number' ? 'number' : typeof value} ${String(value)}`;
}

/** One line per key whose YAML source was not a string, by field path. */
function keyProblems(data: unknown, path = ''): string[] {
  if (data instanceof LossyNumber) {
    return [`${path}: YAML reads ${data.source} as the number ${data.value}, not as written: quote it ("${data.source}") to keep the text, or write ${data.value}`];
  }
  if (Array.isArray(data)) return data.flatMap((item, index) => keyProblems(item, `${path}[${index}]`));
  if (data === null || typeof data !== 'object') return [];
  const bad = nonStringKeys.get(data as Data);
  return Object.keys(data).flatMap((key) => {
    const child = path ? `${path}.${key}` : key;
    const own = bad?.has(key) ? [`${child}: YAML reads this key as ${describe(bad.get(key))}, not as text: quote it ("${key}" or as you meant it)`] : [];
    return [...own, ...keyProblems((data as Data)[key], child)];
  });
}

/** At most MAX_ANSWERS_BYTES + 1 bytes of an open file: a device or a pipe that never ends is
 * refused like a file too large, without reading it all into memory. */
function readBounded(fd: number): string {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    const read = readSync(fd, chunk, 0, chunk.length, null);
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
    total += read;
    if (total > MAX_ANSWERS_BYTES) break;
  }
  return Buffer.concat(chunks).toString('utf8');
}

function readFile(file: string): string {
  const fd = openSync(file, 'r');
  try {
    return readBounded(fd);
  } finally {
    closeSync(fd);
  }
}

const kindOf = (stats: Stats) => (stats.isFIFO() ? 'a FIFO' : stats.isDirectory() ? 'a folder' : stats.isSocket() ? 'a socket' : 'a device');

export interface LoadOptions {
  /** Refuse anything but a regular file before opening it (a file found in an answers folder: a
   * FIFO there would block the run, a device never end). */
  regularOnly?: boolean;
}

export function loadAnswersFile(file: string, readStdin: () => string = () => readBounded(0), options: LoadOptions = {}): unknown {
  let text: string;
  try {
    if (options.regularOnly && file !== '-') {
      const stats = statSync(file);
      if (!stats.isFile()) throw new AnswersFileError(`${file}: ${kindOf(stats)}, not an answers file`);
    }
    text = file === '-' ? readStdin() : readFile(file);
  } catch (error) {
    if (error instanceof AnswersFileError) throw error;
    throw new AnswersFileError(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (Buffer.byteLength(text) > MAX_ANSWERS_BYTES) {
    throw new AnswersFileError(`${file}: too large for an answers file (more than ${MAX_ANSWERS_BYTES} bytes)`);
  }
  let data: unknown;
  try {
    // An alias repeats a whole node: a few are handy, many are a way to make a small file huge.
    data = load(text, { filename: file, schema: ANSWERS_SCHEMA, maxAliases: 20 });
  } catch (error) {
    if (error instanceof YAMLException) {
      const { line, column } = error.mark ?? { line: 0, column: 0 };
      throw new AnswersFileError(`${file}: not valid YAML or JSON: ${error.reason} (${line + 1}:${column + 1})`);
    }
    throw error;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new AnswersFileError(`${file}: not valid YAML or JSON: expected a mapping of answers such as "name: my-app" (1:1)`);
  }
  // An alias names a node again; walking the answers visits it each time. Bound the walk.
  if (countNodes(data, MAX_NODES) > MAX_NODES) {
    throw new AnswersFileError(`${file}: more than ${MAX_NODES} values once its aliases are expanded; write the answers out`);
  }
  const problems = keyProblems(data);
  if (problems.length) throw new AnswersFileError(problems.join('\n'));
  return data;
}
