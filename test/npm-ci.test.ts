// `npm ci` on the machine's own, older Node (Debian's 20 here): package.json's engines (>=22.18,
// for users of the package) would make npm warn about the project itself. devEngines says what
// working on the project needs (npm on Node 20.17 or later: the `node` devDependency brings Node 24
// to the scripts), and npm leaves the root's engines unchecked when the root has devEngines.
// Measured with `npm ci --dry-run`, which resolves and checks the whole tree as npm ci does.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './support/paths.ts';

const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find((path) => existsSync(path));
const npmCli = ['/usr/lib/node_modules/npm/bin/npm-cli.js', '/usr/local/lib/node_modules/npm/bin/npm-cli.js'].find((path) => existsSync(path));
const version = systemNode ? spawnSync(systemNode, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim() : '';
const [major = 0, minor = 0] = version.split('.').map(Number);

/** What `npm ci --dry-run` prints on the system's Node for this package.json (and the lock). */
function npmCiOutput(packageJson: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-chart-npm-ci-'));
  try {
    writeFileSync(join(dir, 'package.json'), packageJson);
    copyFileSync(join(repoRoot, 'package-lock.json'), join(dir, 'package-lock.json'));
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: '/usr/bin:/bin', npm_config_update_notifier: 'false' };
    for (const key of Object.keys(env)) if (key.startsWith('npm_') && key !== 'npm_config_update_notifier' && key !== 'npm_config_cache') delete env[key];
    const run = spawnSync(systemNode!, [npmCli!, 'ci', '--dry-run', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: dir, env, encoding: 'utf8' });
    assert.is(run.status, 0, `npm ci --dry-run failed:\n${run.stdout}${run.stderr}`);
    return `${run.stdout}${run.stderr}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (systemNode && npmCli && (major < 22 || (major === 22 && minor < 18))) {
  test(`npm ci on Node ${version}: no EBADENGINE warning about the project itself`, () => {
    const packageJson = readFileSync(join(repoRoot, 'package.json'), 'utf8');
    const output = npmCiOutput(packageJson);
    assert.not.match(output, "package: 'generator-k8s-chart@", output);
    assert.not.match(output, 'EBADDEVENGINES', 'what working on the project needs is met');
    // Without devEngines, the same run warns about the project: the check above can fail.
    const { devEngines: _, ...withoutDevEngines } = JSON.parse(packageJson) as Record<string, unknown>;
    assert.match(npmCiOutput(JSON.stringify(withoutDevEngines)), "package: 'generator-k8s-chart@");
  });
}

test.run();
