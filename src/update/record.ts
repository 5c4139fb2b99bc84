// What a chart keeps of its own making: `.yo-rc.json` (Yeoman's file: the answers, the generator
// version, the chart version it wrote) and `.k8s-chart/base.json.br`, the content of the last
// generation, which is the base of the next update's three-way merge. Both are committed with the
// chart and left out of its package by .helmignore.
// Nothing here reads the disk: src/update/snapshot.ts reads the bytes, this module judges them.
import { join } from 'node:path';
import type { ErrorObject } from 'ajv';
import { brotliCompressSync, brotliDecompressSync, constants as zlib, gunzipSync } from 'node:zlib';
import { GENERATOR_NAME, GENERATOR_VERSION } from '../version.generated.js';
import type { ChartFile } from '../chart/plan.ts';
import type { ChartModel } from '../model.ts';
import { nestingDepth, toData } from '../answers/data.ts';
import { DamagedRecordError, unsafePathReason } from '../disk/chart-fs.ts';
import { validateBase, validateRecordEntry } from './validate-records.generated.js';
import { olderThan } from './migrate.ts';

export const RECORD_FILE = '.yo-rc.json';
export const BASE_FILE = '.k8s-chart/base.json.br';
/** The base as earlier versions kept it, gzipped: read when there is no BASE_FILE, and removed by
 * the next update. */
export const LEGACY_BASE_FILE = '.k8s-chart/base.json.gz';

/** k8s-chart's own folder (the base, the journal, the lock): never a generated file of the base. */
const isRecordPath = (path: string) => path.startsWith('.k8s-chart/');

/** What k8s-chart keeps of itself, not the chart's own files: `.yo-rc.json` and `.k8s-chart/`. */
export const isRecordFile = (path: string) => path === RECORD_FILE || isRecordPath(path);

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

/** The base of the next merge: every generated file but the base itself, brotli-compressed at
 * quality 0 (the same files give the same bytes). Compressing was two fifths of a generation's
 * time with gzip at level 1; brotli at quality 0 takes a third of that for a tenth fewer bytes. */
export function baseContent(files: ChartFile[]): Buffer {
  const entries = files.filter((file) => file.path !== BASE_FILE).map((file) => [file.path, file.content]);
  const json = Buffer.from(JSON.stringify(Object.fromEntries(entries)));
  return brotliCompressSync(json, { params: { [zlib.BROTLI_PARAM_QUALITY]: 0, [zlib.BROTLI_PARAM_SIZE_HINT]: json.length } });
}

/** Whether a base read from the chart holds exactly these files (whatever its compressed bytes):
 * then the chart's base needs no rewrite. */
export function sameBase(base: ReadonlyMap<string, string>, files: readonly ChartFile[]): boolean {
  const own = files.filter((file) => file.path !== BASE_FILE);
  return own.length === base.size && own.every((file) => base.get(file.path) === file.content);
}

const byPath = (a: ChartFile, b: ChartFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** The chart's own files with the record of this generation added: `.yo-rc.json`, then the base of
 * the next update (every file but itself), all sorted by path. */
export function withRecords(files: ChartFile[], model: ChartModel, answers: unknown): ChartFile[] {
  const record = { path: RECORD_FILE, content: recordContent({ version: GENERATOR_VERSION, chartVersion: model.version, answers: answers as Record<string, unknown> }) };
  const all = [...files, record].sort(byPath);
  return [...all, { path: BASE_FILE, content: baseContent(all) }];
}

export type ReadRecord =
  | { kind: 'none' }
  | { kind: 'foreign'; message: string }
  | { kind: 'damaged'; message: string }
  /** Made by a newer k8s-chart, whose records this one may not read right: not judged further. */
  | { kind: 'newer'; message: string; name: string | undefined }
  | { kind: 'ours'; record: ChartRecord; base: Map<string, string> };

/** The most the base may unzip to: a chart is far smaller; a zip bomb is refused, not unpacked. */
const MAX_BASE_BYTES = 64 * 1024 * 1024;

/** A record's first schema error, as the reason it is damaged. */
export const firstError = (errors: ErrorObject[] | null | undefined, whole = 'the entry') =>
  errors?.[0] ? `${errors[0].instancePath || whole} ${errors[0].message}` : 'misshapen';

/** What `.yo-rc.json`'s bytes (undefined: no such file) say, checked against its schema: no
 * record, another generator's, a damaged one, or ours, whose base is to be read next. */
export type RecordEntry = Exclude<ReadRecord, { kind: 'ours' }> | { kind: 'entry'; record: ChartRecord };

const damaged = (file: string, reason: string) => ({ kind: 'damaged' as const, message: new DamagedRecordError(file, reason).message });

export function parseRecordEntry(chartDir: string, recordBytes: Buffer | undefined): RecordEntry {
  const recordPath = join(chartDir, RECORD_FILE);
  if (recordBytes === undefined) return { kind: 'none' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(recordBytes.toString('utf8'));
  } catch {
    return damaged(recordPath, 'not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return damaged(recordPath, 'not a JSON object');
  if (!Object.hasOwn(parsed, GENERATOR_NAME)) return { kind: 'foreign', message: `${recordPath}: has no ${GENERATOR_NAME} entry` };
  const entry = (parsed as Record<string, unknown>)[GENERATOR_NAME];
  // Before this version's schema and base: a newer version may keep either in a way this one does not know.
  const { version: recordedBy, answers: recordedAnswers } = (entry ?? {}) as { version?: unknown; answers?: { name?: unknown } };
  if (typeof recordedBy === 'string' && olderThan(GENERATOR_VERSION, recordedBy)) {
    const name = typeof recordedAnswers?.name === 'string' ? recordedAnswers.name : undefined;
    return { kind: 'newer', name, message: `${recordPath}: made by k8s-chart ${recordedBy}, newer than this one (${GENERATOR_VERSION}); update k8s-chart, or pass --force to write a fresh chart into it with this one` };
  }
  if (!validateRecordEntry(entry)) return damaged(recordPath, `${GENERATOR_NAME}: ${firstError(validateRecordEntry.errors)}`);
  const { version, chartVersion, answers } = entry as ChartRecord;
  // Answers nest a few levels (config.data.KEY); far deeper is no answers this generator wrote.
  if (nestingDepth(answers, 16) > 16) return damaged(recordPath, `${GENERATOR_NAME}: answers nested deeper than 16 levels`);
  return { kind: 'entry', record: { version, chartVersion: chartVersion ?? '0.1.0', answers: toData(answers, { dropNulls: true }) as Record<string, unknown> } };
}

/** The record with its base (the bytes of `file`, BASE_FILE or LEGACY_BASE_FILE, undefined when
 * missing): every path in the base is checked against chart-fs's rules before anything uses it. */
export function parseBase(chartDir: string, record: ChartRecord, zipped: Buffer | undefined, file = BASE_FILE): ReadRecord {
  const basePath = join(chartDir, file);
  if (zipped === undefined) return damaged(join(chartDir, BASE_FILE), 'missing: it is the base of every update');
  const legacy = file === LEGACY_BASE_FILE;
  let data: unknown;
  try {
    const options = { maxOutputLength: MAX_BASE_BYTES };
    data = JSON.parse((legacy ? gunzipSync(zipped, options) : brotliDecompressSync(zipped, options)).toString('utf8'));
  } catch {
    return damaged(basePath, legacy ? 'not gzipped JSON' : 'not brotli-compressed JSON');
  }
  if (!validateBase(data)) return damaged(basePath, firstError(validateBase.errors));
  const base = new Map<string, string>();
  for (const [path, content] of Object.entries(data as Record<string, string>)) {
    const unsafe = unsafePathReason(path) ?? (isRecordPath(path) ? `path ${JSON.stringify(path)} is one of k8s-chart's own records` : undefined);
    if (unsafe) return damaged(basePath, unsafe);
    base.set(path, content);
  }
  return { kind: 'ours', record, base };
}
