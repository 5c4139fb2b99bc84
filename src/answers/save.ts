// Answers saved as an answers file (`--save-answers FILE`, or offered at the end of the
// questions), so CI can regenerate the same chart with `npx k8s-chart --answers FILE`. The
// answers hold secret key names only, never values. The first line names the answers schema for
// editors (yaml-language-server), by a path relative to the file.
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dump } from 'js-yaml';

/** The schema shipped with the package: schema/answers.schema.json at the package's root, found
 * from this module (src/answers/ in a clone, dist/src/answers/ when built). */
export function packagedSchemaPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'schema', 'answers.schema.json');
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) throw new Error('schema/answers.schema.json is missing from the package');
    dir = up;
  }
}

export const SCHEMA_COMMENT = '# yaml-language-server: $schema=';

/** The text of an answers file for these answers, its schema named relative to `file`. */
export function answersFileText(answers: Record<string, unknown>, file: string): string {
  const schema = relative(dirname(file), packagedSchemaPath()).split(sep).join('/');
  return `${SCHEMA_COMMENT}${schema}\n` + dump(JSON.parse(JSON.stringify(answers)), { lineWidth: -1, noRefs: true });
}

export function saveAnswersFile(answers: Record<string, unknown>, file: string): void {
  writeFileSync(file, answersFileText(answers, file));
}
