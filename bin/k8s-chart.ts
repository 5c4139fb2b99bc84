#!/usr/bin/env node
// The bin's entry: checks Node's version, turns on Node's compile cache (it must be on before the
// rest of the program is imported, so every start after the first is cheaper), then runs the CLI.
import * as nodeModule from 'node:module';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(`k8s-chart: needs Node.js 22.18 or later (this is ${process.version})\n`);
  process.exit(1);
}
nodeModule.enableCompileCache?.();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
