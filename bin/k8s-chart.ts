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
const { readFileSync, renameSync, writeFileSync } = process.getBuiltinModule('node:fs');
const { join } = process.getBuiltinModule('node:path');
const { fileURLToPath } = process.getBuiltinModule('node:url');
const vm = process.getBuiltinModule('node:vm');
// For the questions' path (Yeoman's modules), and the folder this bin keeps its cache in.
nodeModule.enableCompileCache?.();

const bundle = fileURLToPath(new URL('../src/cli.bundle.cjs', import.meta.url));
const source = readFileSync(bundle, 'latin1');
// Beside Node's own cache (none when NODE_DISABLE_COMPILE_CACHE is set), named by the bundle's
// content: V8 checks its version, its flags and the source's length, not the source itself.
const id = /^\/\/ k8s-chart bundle ([0-9a-f]{16})\n/.exec(source)?.[1];
const cacheDir = nodeModule.getCompileCacheDir?.();
const cacheFile = id && cacheDir ? join(cacheDir, `k8s-chart-${id}.v8-cache`) : undefined;
let cachedData: Buffer | undefined;
try {
  if (cacheFile) cachedData = readFileSync(cacheFile);
} catch {
  // Not made yet, or unreadable: this run compiles as it goes.
}
// The bundle is one function expression, CommonJS's wrapper (scripts/build.mjs).
const script = new vm.Script(source, {
  filename: bundle,
  cachedData,
});
const cli = { exports: {} as typeof import('../src/cli.ts') };
(script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object) => void)(cli.exports, nodeModule.createRequire(bundle), cli);

// Without --answers, the questions: the Yeoman generator's entry beside it, loaded only then.
const interactive = async () => (await import('../generators/app/interactive.ts')).runInteractive;
const argv = process.argv.slice(2);
process.exitCode = await cli.exports.main(argv, undefined, interactive);

// After a generation that went well, the cache of what it compiled, if there is none of this bundle
// yet (or V8 refused it): written beside, then renamed, so a reader never sees half of one.
if (cacheFile && (cachedData === undefined || script.cachedDataRejected) && process.exitCode === 0 && argv.includes('--answers')) {
  try {
    const partial = `${cacheFile}.${process.pid}`;
    writeFileSync(partial, script.createCachedData(), { flag: 'wx', mode: 0o644 });
    renameSync(partial, cacheFile);
  } catch {
    // A cache is an optimization: a folder that cannot take it leaves the next start as this one.
  }
}
