#!/usr/bin/env node
// The bin's entry: checks Node's version, turns on Node's compile cache (it must be on before the
// rest of the program is imported, so every start after the first is cheaper), then runs the CLI
// from its bundle (scripts/build.mjs: one module instead of about thirty to read and compile).
import * as nodeModule from 'node:module';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(`k8s-chart: needs Node.js 22.18 or later (this is ${process.version})\n`);
  process.exit(1);
}
nodeModule.enableCompileCache?.();
// `k8s-chart --dry-run ... | head` closes the pipe early: that is the reader's choice, not a failure.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}
const { main } = (await import(new URL('../src/cli.bundle.js', import.meta.url).href)) as typeof import('../src/cli.ts');
// Without --answers, the questions: the Yeoman generator's entry beside it, loaded only then.
const interactive = async () => (await import('../generators/app/interactive.ts')).runInteractive;
process.exitCode = await main(process.argv.slice(2), undefined, interactive);
