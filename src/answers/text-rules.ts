// Checks every answer string and key, whatever its field: no control character (newline and tab
// only in config values, where a multi-line value makes sense), no bidirectional override (text
// that reads otherwise than it runs), and config and secrets that fit a ConfigMap or a Secret.
import type { Problem } from './rules.ts';

// C0 controls but tab and newline, DEL, C1 controls, the Unicode line and paragraph separators
// (YAML reads them as line breaks); and the bidi embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;
// eslint-disable-next-line no-control-regex
const TAB_OR_NEWLINE = /[\t\n]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

/** What the API server stores of an object at most (etcd's limit), for a ConfigMap's or Secret's data. */
export const MAX_OBJECT_BYTES = 1024 * 1024;

/** Where a value may span lines: config.data values. */
const multiLineAllowed = (path: string[]) => path.length === 3 && path[0] === 'config' && path[1] === 'data';

const fieldPath = (path: string[]) =>
  path.reduce((out, part) => (/^\d+$/.test(part) && out ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');

function textProblem(text: string, multiLine: boolean): string | undefined {
  if (CONTROL.test(text) || (!multiLine && TAB_OR_NEWLINE.test(text))) {
    const code = [...text].find((ch) => CONTROL.test(ch) || (!multiLine && TAB_OR_NEWLINE.test(ch)))!.codePointAt(0)!;
    return `must not hold a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')})${multiLine ? '' : '; only config.data values may span lines'}`;
  }
  if (BIDI.test(text)) return 'must not hold a bidirectional override character (text that reads otherwise than it is)';
  return undefined;
}

export function textProblems(data: unknown): Problem[] {
  const problems: Problem[] = [];
  const visit = (value: unknown, path: string[]) => {
    if (typeof value === 'string') {
      const message = textProblem(value, multiLineAllowed(path));
      if (message) problems.push({ path: fieldPath(path), message });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, String(index)]));
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        const message = textProblem(key, false);
        if (message) problems.push({ path: fieldPath([...path, JSON.stringify(key)]), message: `key ${message}` });
        else visit((value as Record<string, unknown>)[key], [...path, key]);
      }
    }
  };
  visit(data, []);
  return problems.concat(sizeProblems(data));
}

function sizeProblems(data: unknown): Problem[] {
  const answers = (data ?? {}) as { config?: { data?: unknown }; secrets?: { keys?: unknown } };
  const problems: Problem[] = [];
  const configData = answers.config?.data;
  if (configData !== null && typeof configData === 'object' && !Array.isArray(configData)) {
    const size = (value: unknown) => (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? Buffer.byteLength(String(value)) : 0);
    const bytes = Object.entries(configData).reduce((sum, [key, value]) => sum + Buffer.byteLength(key) + size(value), 0);
    if (bytes > MAX_OBJECT_BYTES) {
      problems.push({ path: 'config.data', message: `${bytes} bytes cannot fit a ConfigMap (at most ${MAX_OBJECT_BYTES} bytes of data)` });
    }
  }
  const keys = answers.secrets?.keys;
  if (Array.isArray(keys)) {
    // Each key gets a generated value of 32 characters, base64-encoded in the Secret.
    const bytes = keys.reduce((sum: number, key) => sum + (typeof key === 'string' ? Buffer.byteLength(key) : 0) + 44, 0);
    if (bytes > MAX_OBJECT_BYTES) {
      problems.push({ path: 'secrets.keys', message: `${keys.length} keys cannot fit a Secret (at most ${MAX_OBJECT_BYTES} bytes of data)` });
    }
  }
  return problems;
}
