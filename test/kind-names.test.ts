// A workload kind is said once, in the kinds table (src/kinds/): everywhere else, in the generator,
// the bin and the checker, code asks a kind's traits instead of naming it. So no TypeScript source
// outside src/kinds/ holds a workload kind's name as a whole string literal (text that merely
// mentions one, such as a message, is fine), and the checker takes nothing else of src/.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsTokens from 'js-tokens';
import { WORKLOAD_KINDS } from '../src/kinds/traits.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const SCANNED = ['src', 'generators', 'bin', 'check'];
const KIND_HOME = 'src/kinds/';

function sources(): string[] {
  return SCANNED.flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
      .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/')),
  );
}

/** Each string literal (quoted or a template without substitutions) that is exactly a kind's name. */
function kindLiterals(text: string): Array<{ line: number; name: string }> {
  const found: Array<{ line: number; name: string }> = [];
  let line = 1;
  for (const token of jsTokens(text)) {
    if (token.type === 'StringLiteral' || token.type === 'NoSubstitutionTemplate') {
      const name = token.value.slice(1, -1);
      if ((WORKLOAD_KINDS as readonly string[]).includes(name)) found.push({ line, name });
    }
    line += token.value.split(/\r\n|[\n\r\u2028\u2029]/).length - 1;
  }
  return found;
}

test('the scanner finds a kind literal in every quoting, and not in text that mentions one', () => {
  const planted = ["const a = 'Deployment';", 'const b = "CronJob";', 'const c = `Job`;', "const d = 'a Job'; // 'StatefulSet'", '/* "DaemonSet" */'];
  assert.equal(kindLiterals(planted.join('\n')), [
    { line: 1, name: 'Deployment' },
    { line: 2, name: 'CronJob' },
    { line: 3, name: 'Job' },
  ]);
  // A regular expression with quotes in it is not a string.
  assert.equal(kindLiterals("const e = /['`]/g.test(x) ? 1 : 2; const f = 'Pod';"), []);
});

test('no workload kind name is a string literal outside src/kinds/', () => {
  const files = sources();
  assert.ok(files.includes('src/model.ts') && files.includes('check/rules.ts'), 'the scan reaches the generator and the checker');
  const outside = files.filter((file) => !file.startsWith(KIND_HOME));
  const hits = outside.flatMap((file) =>
    kindLiterals(readFileSync(join(root, file), 'utf8')).map(({ line, name }) => `${file}:${line}: '${name}'`),
  );
  assert.equal(hits, [], `ask the kinds table (src/kinds/traits.ts) instead:\n${hits.join('\n')}`);
});

test('the checker takes only the kinds table from the generator', () => {
  const imports = sources()
    .filter((file) => file.startsWith('check/'))
    .flatMap((file) =>
      [...readFileSync(join(root, file), 'utf8').matchAll(/\bfrom\s+'(\.\.\/[^']*)'|\bimport\(\s*'(\.\.\/[^']*)'/g)].map(
        (match) => `${file}: ${match[1] ?? match[2]}`,
      ),
    );
  assert.equal(imports, ['check/rules.ts: ../src/kinds/traits.ts']);
});

test.run();
