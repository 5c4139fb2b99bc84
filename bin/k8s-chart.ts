#!/usr/bin/env node
// Node's compile cache makes every start after the first cheaper; it must be on before the
// rest of the program is imported.
import { enableCompileCache } from 'node:module';

enableCompileCache?.();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
