// What every part's questions (src/parts/*/questions.ts, src/kinds/questions.ts) share: the
// session they are given, its prompt helpers, and the parsers of what a user types. The runner and
// the order of the steps are src/parts/questions.ts. Only the questions load this: the --answers
// path never does.
import { FAILSAFE_SCHEMA, load } from 'js-yaml';
import type { Answers } from './model.ts';
import { splitList, type Check } from './validators.ts';

export interface Question {
  type: 'input' | 'confirm' | 'select';
  name: string;
  message: string;
  default?: unknown;
  choices?: Array<{ name: string; value: string }>;
  validate?: (value: string) => true | string;
}

export type Prompt = (questions: Question[]) => Promise<Record<string, unknown>>;

/** What every part's questions are given: the answers being built (earlier steps' answers
 * included), the prompt helpers, and whether a section is asked again. */
export interface QuestionSession {
  answers: Partial<Answers>;
  /** Whether the section's questions are all asked again, each with the current answer as its default. */
  again(section: Section): boolean;
  /** A required answer, trimmed; `fallback` is the default. */
  input(name: string, message: string, validate: Check, fallback?: string): Promise<string>;
  /** An answer that may be empty. When it has a current value (the default), an empty line keeps
   * it, so "-" clears it. */
  optionalInput(name: string, message: string, check: Check, current?: string): Promise<string>;
  confirm(name: string, message: string, fallback: boolean): Promise<boolean>;
  select(name: string, message: string, values: readonly string[], fallback: string): Promise<string>;
  /** A map such as annotations: `key=value` pairs, comma-separated, or a YAML map. */
  askMap(name: string, message: string, checkKey: Check, current: Record<string, string> | undefined): Promise<Record<string, string> | undefined>;
}

/** One part's questions. `applies` says, from the answers before them, whether they apply; where
 * they do not (the kind changed at the review, the port was cleared), `forget` removes the part's
 * answers, and nothing is asked: what no longer applies goes. */
export interface QuestionStep {
  applies?: (answers: Partial<Answers>) => boolean;
  forget?: (answers: Partial<Answers>) => void;
  ask: (session: QuestionSession) => Promise<void>;
}

export const optional = (check: Check): Check => (value) => (value.trim() === '' ? true : check(value.trim()));

/** `KEY=value, OTHER=value` → entries; used for config data and annotations. */
export function parsePairs(value: string): Array<[string, string]> {
  return splitList(value).map((pair) => {
    const at = pair.indexOf('=');
    return at < 0 ? [pair, ''] : [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
  });
}

export const validatePairs =
  (checkKey: Check): Check =>
  (value) => {
    for (const [key] of parsePairs(value)) {
      const result = checkKey(key);
      if (result !== true) return `"${key}" ${result}`;
    }
    return true;
  };

/** The questions in sections, so a review can send the user back to one of them. */
export const SECTIONS = ['name and image', 'workload and scaling', 'port and traffic', 'health checks', 'storage', 'configuration', 'secrets'] as const;
export type Section = (typeof SECTIONS)[number];

export interface AskOptions {
  /** Sections whose questions are all asked again, each with the current answer as its default
   * ('all' for `--ask-answered`); the other sections ask only what the answers lack. */
  again?: 'all' | ReadonlySet<Section>;
}

/** What a user types at a prompt to clear an answer that has a default (an empty line keeps it). */
export const NONE = '-';

/** Configuration given as YAML at the prompt: a flow map such as `{A: "x,y", B: 2}`. */
export function parseYamlMap(value: string): Record<string, string> | string {
  let parsed: unknown;
  try {
    // Every scalar a string, as typed: 1.10 stays "1.10", 010 stays "010".
    parsed = load(value, { schema: FAILSAFE_SCHEMA });
  } catch (error) {
    return `not valid YAML: ${(error as Error).message.split('\n')[0]}`;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'must be a YAML map such as {KEY: value}';
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(parsed)) {
    if (typeof item === 'object' && item !== null) return `"${key}" must have a single value (a string, number or boolean)`;
    out[key] = item === null ? '' : String(item);
  }
  return out;
}

/** A session over `prompt`, building on `known`. */
export function questionSession(prompt: Prompt, known: Partial<Answers>, options: AskOptions = {}): QuestionSession {
  const ask = async <T>(question: Question): Promise<T> => (await prompt([question]))[question.name] as T;
  const input = (name: string, message: string, validate: Check, fallback?: string) =>
    ask<string>({ type: 'input', name, message, validate, ...(fallback === undefined || fallback === '' ? {} : { default: fallback }) }).then(
      (value) => String(value ?? '').trim(),
    );
  const optionalInput = async (name: string, message: string, check: Check, current?: string) => {
    if (current === undefined || current === '') return input(name, message, optional(check));
    const value = await input(name, `${message} ("${NONE}" for none)`, (v) => (v.trim() === NONE ? true : optional(check)(v)), current);
    return value === NONE ? '' : value;
  };
  return {
    answers: structuredClone(known),
    again: (section) => options.again === 'all' || (options.again !== undefined && options.again.has(section)),
    input,
    optionalInput,
    confirm: (name, message, fallback) => ask<boolean>({ type: 'confirm', name, message, default: fallback }),
    select: (name, message, values, fallback) =>
      ask<string>({
        type: 'select',
        name,
        message,
        choices: values.map((value) => ({ name: value, value })),
        default: values.includes(fallback) ? fallback : values[0],
      }),
    async askMap(name, message, checkKey, current) {
      const shown = current && Object.keys(current).length ? JSON.stringify(current) : undefined;
      const value = await optionalInput(
        name,
        `${message} (key=value, comma-separated, or a YAML map such as {key: "a,b"}; empty for none)`,
        (v) => (v.startsWith('{') ? yamlMapCheck(checkKey)(v) : validatePairs(checkKey)(v)),
        shown,
      );
      if (!value) return undefined;
      return value.startsWith('{') ? (parseYamlMap(value) as Record<string, string>) : Object.fromEntries(parsePairs(value));
    },
  };
}

/** A YAML map whose keys pass checkKey. */
export const yamlMapCheck =
  (checkKey: Check): Check =>
  (value) => {
    const parsed = parseYamlMap(value);
    if (typeof parsed === 'string') return parsed;
    for (const key of Object.keys(parsed)) {
      const result = checkKey(key);
      if (result !== true) return `"${key}" ${result}`;
    }
    return true;
  };

/** Both checks pass, or the first message. */
export const both = (first: Check, second: Check): Check => (value) => {
  const result = first(value);
  return result === true ? second(value) : result;
};

export const required: Check = (value) => (value.trim() ? true : 'required');

export function splitWords(value: string): string[] {
  return value.trim().split(/\s+/);
}
