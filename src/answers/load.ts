// Reads an answers file: YAML or JSON (JSON is YAML 1.2, so one parser reads both).
import { readFileSync } from 'node:fs';
import { load, YAMLException } from 'js-yaml';

export class AnswersFileError extends Error {}

export function loadAnswersFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AnswersFileError(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let data: unknown;
  try {
    data = load(text, { filename: file });
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
  return data;
}
