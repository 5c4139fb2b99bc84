// `yo k8s-chart` as a user runs it: the packed package and yo installed globally into a throw-away
// npm prefix (once per test process: it is the slow part), then yo run from that prefix in a
// throw-away working folder with a HOME of its own. Also the helpers the Yeoman tests share:
// reading a written chart back and running the bin for the same answers.
//
// As root, yo gives up root before it does anything (root-check): it becomes SUDO_UID/SUDO_GID,
// else uid 1000. We set SUDO_UID/SUDO_GID to nobody so the user is known, and make everything yo
// must read (the prefix, the answers files) or write (the working folder, HOME) reachable by it.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const builtBin = join(repoRoot, 'dist/bin/k8s-chart.js');
export const builtGenerator = join(repoRoot, 'dist/generators/app/index.js');
/** yo as pinned in devDependencies; installed globally from this folder (npm links it). */
const yoPackage = join(repoRoot, 'node_modules/yo');
/** The folder of Node 24 on yo's PATH (the system's may be older): a copy of the one running the
 * tests, made by installYo, since yo runs as nobody and the repository may not be open to it. */
export let nodeBinDir = dirname(process.execPath);

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

let root: string | undefined;
/** One temporary folder per test process, removed on exit; everything else goes below it. */
export function testRoot(): string {
  if (root) return root;
  root = mkdtempSync(join(tmpdir(), 'k8s-chart-yo-'));
  chmodSync(root, 0o755);
  const made = root;
  process.on('exit', () => rmSync(made, { recursive: true, force: true }));
  return root;
}

let count = 0;
/** A fresh folder below the test root; `shared` makes it writable by yo's unprivileged user. */
export function freshDir(name: string, shared = false): string {
  const dir = join(testRoot(), `${name}-${++count}`);
  mkdirSync(dir);
  chmodSync(dir, shared ? 0o777 : 0o755);
  return dir;
}

/** Writes a file readable by everyone (yo reads answers files as nobody). */
export function writePublicFile(file: string, content: string): string {
  writeFileSync(file, content);
  chmodSync(file, 0o644);
  return file;
}

/** Every file below dir: relative path ("/" separators) → bytes. */
export function readTree(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
  return new Map(files.map((file) => [file, readFileSync(join(dir, file))]));
}

/** Why two trees differ ('' when they hold the same paths with the same bytes). */
export function treeDifference(actual: Map<string, Buffer>, expected: Map<string, Buffer>): string {
  const paths = (tree: Map<string, Buffer>) => [...tree.keys()].join('\n');
  if (paths(actual) !== paths(expected)) {
    return `different files:\n--- actual\n${paths(actual)}\n--- expected\n${paths(expected)}`;
  }
  const differing = [...expected].filter(([path, bytes]) => !bytes.equals(actual.get(path)!)).map(([path]) => path);
  return differing.length === 0 ? '' : `different bytes in: ${differing.join(', ')}`;
}

/**
 * What `k8s-chart --answers FILE --output DIR` writes, run as a child process: the reference.
 * `bin` defaults to the repository's dist/; the yo tests pass the bin installed with the generator.
 */
export function binOutput(answersFile: string, name: string, bin = builtBin): Map<string, Buffer> {
  const output = freshDir('bin-output');
  const run = spawnSync(process.execPath, [bin, '--answers', answersFile, '--output', output], {
    cwd: repoRoot,
    encoding: 'utf8',
    input: '',
  });
  if (run.status !== 0) throw new Error(`k8s-chart --answers ${answersFile} failed (${run.status}):\n${run.stdout}${run.stderr}`);
  return readTree(join(output, name));
}

/** The answers a chart records in its .yo-rc.json, and an answers file holding them, for the bin. */
export function recordedAnswers(chart: Map<string, Buffer>): { answers: Record<string, unknown>; file: string } {
  const yoRc = JSON.parse(chart.get('.yo-rc.json')!.toString('utf8')) as Record<string, { answers: Record<string, unknown> }>;
  const answers = yoRc['generator-k8s-chart']!.answers;
  const file = join(freshDir('recorded'), 'answers.json');
  writeFileSync(file, JSON.stringify(answers));
  return { answers, file };
}

/** Yeoman finds `.yo-rc.json` in parent folders; one above our folders would change where charts go. */
export function assertNoYoRcAbove(dir: string): void {
  for (let at = dirname(dir); ; at = dirname(at)) {
    if (existsSync(join(at, '.yo-rc.json'))) {
      throw new Error(`${join(at, '.yo-rc.json')} exists above the test folder ${dir}: remove it (or set TMPDIR elsewhere)`);
    }
    if (dirname(at) === at) return;
  }
}

export interface YoInstall {
  /** the npm prefix yo and the generator are installed into */
  prefix: string;
  /** <prefix>/bin/yo */
  yo: string;
  /** the k8s-chart bin of the installed package: the same build as the generator yo runs */
  bin: string;
  /** how long npm pack + npm install -g took, in ms */
  installMs: number;
}

const execFileAsync = promisify(execFile);
let installing: Promise<YoInstall> | undefined;

/**
 * Packs this package (as built: run `npm run build` first) and installs the tarball and yo into a
 * fresh global prefix, from the npm cache. Once per process; later calls share the first.
 */
export function installYo(): Promise<YoInstall> {
  installing ??= (async () => {
    const started = performance.now();
    if (!existsSync(builtGenerator)) throw new Error(`${builtGenerator} is missing: run \`npm run build\` first`);
    const packDir = freshDir('pack');
    const prefix = freshDir('prefix');
    const npm = async (args: string[], cwd: string) => {
      try {
        return (await execFileAsync('npm', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })).stdout;
      } catch (error) {
        const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
        throw new Error(`npm ${args.join(' ')} failed:\n${stdout}${stderr}`);
      }
    };
    // --ignore-scripts: `prepare` would rebuild dist/ while other test files may be reading it.
    const packed = JSON.parse(await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], repoRoot)) as Array<{
      filename: string;
    }>;
    const tarball = join(packDir, packed[0]!.filename);
    // yo too is installed from a tarball, not linked to node_modules/yo: the repository may sit
    // where nobody cannot read (CI may clone below /root).
    const yoPacked = JSON.parse(await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', packDir, yoPackage], packDir)) as Array<{
      filename: string;
    }>;
    const yoTarball = join(packDir, yoPacked[0]!.filename);
    // --ignore-scripts: the only install script is yo's postinstall, `yodoctor` (diagnostics that
    // look versions up online, ~1.5 s); npm 11 would block it anyway on a registry install.
    await npm(
      ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball, yoTarball],
      packDir,
    );
    const yo = join(prefix, 'bin/yo');
    if (!existsSync(yo)) throw new Error(`npm install -g did not create ${yo}`);
    const packageDir = join(prefix, 'lib/node_modules/generator-k8s-chart');
    for (const file of ['dist/generators/app/index.js', 'dist/bin/k8s-chart.js']) {
      if (!existsSync(join(packageDir, file))) throw new Error(`${file} is not in the packed package: was dist/ being rebuilt while npm pack ran?`);
    }
    // Node itself, where nobody can run it: a hard link when the file system allows, else a copy.
    const nodeDir = freshDir('node');
    const node = join(nodeDir, 'node');
    try {
      linkSync(process.execPath, node);
    } catch {
      copyFileSync(process.execPath, node);
    }
    chmodSync(node, 0o755);
    nodeBinDir = nodeDir;
    // npm creates what it installs with the umask; make sure nobody can read and run all of it.
    spawnSync('chmod', ['-R', 'a+rX', prefix]);
    return { prefix, yo, bin: join(packageDir, 'dist/bin/k8s-chart.js'), installMs: Math.round(performance.now() - started) };
  })();
  return installing;
}

/** The folder of the npm the tests use: yo runs `npm root -g` to find global generators. */
const npmDir = (process.env.PATH ?? '').split(':').find((dir) => dir !== '' && existsSync(join(dir, 'npm')));

/** The environment yo runs in: nothing inherited but what is listed here. */
export function yoEnv(install: YoInstall, home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const path = [nodeBinDir, join(install.prefix, 'bin'), ...(npmDir ? [npmDir] : []), '/usr/local/bin', '/usr/bin', '/bin'];
  return {
    PATH: [...new Set(path)].join(':'),
    HOME: home,
    LANG: 'C.UTF-8',
    // yo looks globally installed generators up under the npm prefix (and runs `npm root -g`).
    npm_config_prefix: install.prefix,
    NO_UPDATE_NOTIFIER: '1',
    ...(isRoot ? { SUDO_UID: String(NOBODY), SUDO_GID: String(NOBODY) } : {}),
    ...extra,
  };
}

export interface YoRun {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** `yo ARGS...` in cwd, without a terminal (stdin is an empty pipe), with a HOME of its own. */
export async function runYo(args: string[], cwd: string, options: { keepStdinOpen?: boolean; timeoutMs?: number; node?: string } = {}): Promise<YoRun> {
  const install = await installYo();
  assertNoYoRcAbove(cwd);
  const home = freshDir('home', true);
  const started = performance.now();
  // With `node`, yo runs on that Node (an older system one, say) instead of the tests' own.
  const [command, commandArgs] = options.node ? [options.node, [install.yo, ...args]] : [install.yo, args];
  const child = spawn(command, commandArgs, { cwd, env: yoEnv(install, home, { NO_COLOR: '1' }), stdio: 'pipe' });
  if (!options.keepStdinOpen) child.stdin.end();
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timeoutMs = options.timeoutMs ?? 30_000;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  clearTimeout(timer);
  child.stdin.destroy();
  if (timedOut) throw new Error(`yo ${args.join(' ')} did not end within ${timeoutMs} ms:\n${stdout}${stderr}`);
  return { status, stdout, stderr, ms: Math.round(performance.now() - started) };
}
