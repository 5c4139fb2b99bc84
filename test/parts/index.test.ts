// Every part has its own tests here: one file per part folder (src/parts/<part>/) and one for the
// workload kinds (src/kinds/, tested as kinds.test.ts).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/paths.ts';

const here = join(repoRoot, 'test/parts');
const partFolders = readdirSync(join(repoRoot, 'src/parts'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

test('each part folder has its test file beside the shared tests', () => {
  assert.ok(partFolders.length > 0);
  const missing = [...partFolders, 'kinds'].filter((part) => !existsSync(join(here, `${part}.test.ts`)));
  assert.equal(missing, [], `add test/parts/<part>.test.ts for: ${missing.join(', ')}`);
});

test.run();
