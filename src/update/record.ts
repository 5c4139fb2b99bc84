// What a chart keeps of its own making: `.yo-rc.json` (Yeoman's file: the answers, the generator
// version, the chart version it wrote) and `.k8s-chart/base.json.gz`, the content of the last
// generation, which is the base of the next update's three-way merge. Both are committed with the
// chart and left out of its package by .helmignore.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { GENERATOR_NAME } from '../version.generated.js';
import type { ChartFile } from '../chart/plan.ts';

export const RECORD_FILE = '.yo-rc.json';
export const BASE_FILE = '.k8s-chart/base.json.gz';

export interface ChartRecord {
  /** The generator version that wrote the chart. */
  version: string;
  /** The chart version it wrote into Chart.yaml. */
  chartVersion: string;
  answers: Record<string, unknown>;
}

export function recordContent(record: ChartRecord): string {
  return `${JSON.stringify({ [GENERATOR_NAME]: record }, null, 2)}\n`;
}

/** The base of the next merge: every generated file but the base itself. gzip without a
 * timestamp, so the same files give the same bytes. */
export function baseContent(files: ChartFile[]): Buffer {
  const entries = files.filter((file) => file.path !== BASE_FILE).map((file) => [file.path, file.content]);
  return gzipSync(JSON.stringify(Object.fromEntries(entries)));
}

export type ReadRecord =
  | { kind: 'none' }
  | { kind: 'foreign'; message: string }
  | { kind: 'damaged'; message: string }
  | { kind: 'ours'; record: ChartRecord; base: Map<string, string> };

/** What the chart directory says of itself. */
export function readRecord(chartDir: string): ReadRecord {
  const recordPath = join(chartDir, RECORD_FILE);
  if (!existsSync(recordPath)) return { kind: 'none' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(recordPath, 'utf8'));
  } catch (error) {
    return { kind: 'damaged', message: `${recordPath}: not valid JSON (${(error as Error).message})` };
  }
  const entry = (parsed as Record<string, unknown> | null)?.[GENERATOR_NAME] as Partial<ChartRecord> | undefined;
  if (entry === undefined) return { kind: 'foreign', message: `${recordPath}: has no ${GENERATOR_NAME} entry` };
  if (typeof entry.version !== 'string' || typeof entry.answers !== 'object' || entry.answers === null) {
    return { kind: 'damaged', message: `${recordPath}: the ${GENERATOR_NAME} entry lacks its version or answers` };
  }
  const basePath = join(chartDir, BASE_FILE);
  let base: Map<string, string>;
  try {
    const data = JSON.parse(gunzipSync(readFileSync(basePath)).toString('utf8')) as Record<string, unknown>;
    if (Object.values(data).some((content) => typeof content !== 'string')) throw new Error('an entry is not text');
    base = new Map(Object.entries(data as Record<string, string>));
  } catch (error) {
    return { kind: 'damaged', message: `${basePath}: the record of the last generation is missing or damaged (${(error as Error).message})` };
  }
  return {
    kind: 'ours',
    record: { version: entry.version, chartVersion: entry.chartVersion ?? '0.1.0', answers: entry.answers },
    base,
  };
}
