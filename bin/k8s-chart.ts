#!/usr/bin/env node
// The bin's entry: checks Node's version, then runs the CLI from its bundle (scripts/build.mjs: one
// script instead of about thirty modules to read and compile) with V8's code cache of an earlier
// run. Node's own compile cache holds only what V8 compiles before a module runs, so every start
// compiled most functions again; a cache made after a generation holds every function it compiled.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(`k8s-chart: needs Node.js 22.18 or later (this is ${process.version})\n`);
  process.exit(1);
}
// Built-in modules by getBuiltinModule, not import: an ES import of node:fs builds its namespace,
// which loads fs.promises and streams (about 3 MB of memory, and time, at every start).
const nodeModule = process.getBuiltinModule('node:module');
const { closeSync, constants, fstatSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync } = process.getBuiltinModule('node:fs');
const { join } = process.getBuiltinModule('node:path');
const { fileURLToPath } = process.getBuiltinModule('node:url');
const vm = process.getBuiltinModule('node:vm');
// For the questions' path (Yeoman's modules), and the folder this bin keeps its cache in.
nodeModule.enableCompileCache?.();

import type { ChartDone, ChartJob, ChartWorker } from '../src/batch.ts';

const bundle = fileURLToPath(new URL('../src/cli.bundle.cjs', import.meta.url));
const source = readFileSync(bundle, 'latin1');
// Beside Node's own cache (none when NODE_DISABLE_COMPILE_CACHE is set), named by the bundle's
// content: V8 checks its version, its flags and the source's length, not the source itself.
const id = /^\/\/ k8s-chart bundle ([0-9a-f]{16})\n/.exec(source)?.[1];
const cacheDir = nodeModule.getCompileCacheDir?.();
const cacheFile = id && cacheDir ? join(cacheDir, `k8s-chart-${id}.v8-cache`) : undefined;
const cachedData = readCache(cacheFile);
// The bundle is one function expression, CommonJS's wrapper (scripts/build.mjs).
const script = new vm.Script(source, {
  filename: bundle,
  cachedData,
});
const cli = { exports: {} as typeof import('../src/cli.ts') };
(script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object) => void)(cli.exports, nodeModule.createRequire(bundle), cli);

// A batch's worker thread (src/batch.ts) runs this same entry: it writes the charts it is sent.
const WORKER_FLAG = '--k8s-chart-batch-worker';
const threads = () => process.getBuiltinModule('node:worker_threads');
if (process.argv.includes(WORKER_FLAG) && !threads().isMainThread) {
  cli.exports.serveChartJobs(threads().parentPort!);
} else {
  await runMain();
}

async function runMain(): Promise<void> {
  // Without --answers, the questions: the Yeoman generator's entry beside it, loaded only then.
  const interactive = async () => (await import('../generators/app/interactive.ts')).runInteractive;
  const argv = process.argv.slice(2);
  process.exitCode = await cli.exports.main(argv, undefined, interactive, startWorker);

  // After a generation that went well, the cache of what it compiled, if there is none of this
  // bundle yet (or V8 refused it): written beside, then renamed, so a reader never sees half of one.
  const generated = process.exitCode === 0 && argv.some((arg) => arg === '--answers' || arg.startsWith('--answers='));
  if (cacheFile && (cachedData === undefined || script.cachedDataRejected) && generated) {
    try {
      const data = script.createCachedData();
      const partial = `${cacheFile}.${process.pid}`;
      writeFileSync(partial, Buffer.concat([cacheHeader(data), data]), { flag: 'wx', mode: 0o644 });
      renameSync(partial, cacheFile);
    } catch {
      // A cache is an optimization: a folder that cannot take it leaves the next start as this one.
    }
  }
}

/** A worker thread for a batch: it answers the charts in the order they are sent; when it fails,
 * every chart it holds fails with it (and the batch reports each). */
function startWorker(): ChartWorker | undefined {
  try {
    const worker = new (threads().Worker)(new URL(import.meta.url), { argv: [WORKER_FLAG] });
    const waiting: Array<{ resolve: (done: ChartDone) => void; reject: (error: Error) => void }> = [];
    const fail = (error: Error) => {
      for (const { reject } of waiting.splice(0)) reject(error);
    };
    worker.on('message', (done: ChartDone) => waiting.shift()?.resolve(done));
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`its worker thread stopped (exit code ${code})`)));
    return {
      run: (job: ChartJob) =>
        new Promise<ChartDone>((resolve, reject) => {
          waiting.push({ resolve, reject });
          worker.postMessage(job);
        }),
      close: () => void worker.terminate(),
    };
  } catch {
    // No thread to be had (a limit on them): the batch runs here alone.
    return undefined;
  }
}

/** The cache's first 8 bytes: a mark and the CRC-32 of the rest. V8 checks a cache's version, flags
 * and source length, not its bytes: a damaged one would crash it. */
function cacheHeader(data: Buffer): Buffer {
  const header = Buffer.from('K8SC\0\0\0\0', 'latin1');
  header.writeUInt32LE(process.getBuiltinModule('node:zlib').crc32(data), 4);
  return header;
}

/** The cache of this bundle, if it is one this user can trust: a regular file (no link followed,
 * never a FIFO waited on) of this user's, that no one else may write, of a sane size, whose bytes
 * are as written. Anything else is removed where it is this user's, and this start compiles. */
function readCache(file: string | undefined): Buffer | undefined {
  if (!file) return undefined;
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    const own = process.getuid === undefined || stat.uid === process.getuid();
    if (!stat.isFile() || !own || (stat.mode & 0o022) !== 0 || stat.size > 64 * 1024 * 1024) return undefined;
    const bytes = readFileSync(fd);
    const data = bytes.subarray(8);
    if (bytes.length > 8 && bytes.subarray(0, 8).equals(cacheHeader(data))) return data;
    unlinkSync(file);
  } catch {
    // None yet, or unreadable.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return undefined;
}
