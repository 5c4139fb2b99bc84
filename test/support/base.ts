// The recorded base of a chart (`.k8s-chart/base.json.br`), read and rewritten as a test that
// plays an older generator or an attacker would.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';

export const basePath = (chart: string) => join(chart, '.k8s-chart/base.json.br');

export const readBase = (chart: string) => JSON.parse(brotliDecompressSync(readFileSync(basePath(chart))).toString('utf8')) as Record<string, string>;

export const writeBase = (chart: string, base: Record<string, string>) => writeFileSync(basePath(chart), brotliCompressSync(JSON.stringify(base)));
