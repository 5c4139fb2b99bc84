// What planning an update needs from the chart directory, read once, as data: whether the
// directory is somebody's chart, its record, and the bytes of every file the plan or the base
// names. This module only reads; planning (plan-update.ts) reads nothing but the snapshot, and
// writing is src/write.ts's.
import { CHART_PLAN } from '../chart/plan.ts';
import { holdsFiles, readChartFile } from '../disk/chart-fs.ts';
import { LOCK_FILE } from '../disk/lock.ts';
import { JOURNAL_TEMP } from '../write.ts';
import { BASE_FILE, LEGACY_BASE_FILE, RECORD_FILE, parseBase, parseRecordEntry, type ReadRecord } from './record.ts';
import type { ChartSnapshot } from './plan-update.ts';

export type { ChartSnapshot };

/** What a run may leave behind that makes no chart. */
const TRANSIENT = new Set([LOCK_FILE, JOURNAL_TEMP]);

/** What the chart directory says of itself. Every record is checked against its schema, and every
 * path in the base against chart-fs's rules, before anything uses them. Paths in `absent` are
 * read as missing. */
export function readRecord(chartDir: string, absent: ReadonlySet<string> = new Set()): ReadRecord {
  const read = (path: string, max?: number) => (absent.has(path) ? undefined : readChartFile(chartDir, path, max));
  const entry = parseRecordEntry(chartDir, read(RECORD_FILE, 16 * 1024 * 1024));
  if (entry.kind !== 'entry') return entry;
  const base = read(BASE_FILE);
  if (base !== undefined) return parseBase(chartDir, entry.record, base);
  // Missing both, it is the current base that parseBase names missing.
  return parseBase(chartDir, entry.record, read(LEGACY_BASE_FILE), LEGACY_BASE_FILE);
}

/** The paths a snapshot reads of itself: the plan's rows, the records, the base's files. */
function knownPaths(record: ReadRecord): Set<string> {
  return new Set([...CHART_PLAN.map((file) => file.path), RECORD_FILE, BASE_FILE, LEGACY_BASE_FILE, ...(record.kind === 'ours' ? record.base.keys() : [])]);
}

/** The snapshot planUpdate plans from; `more` names further paths to read (what a plan wants
 * beyond the plan's rows: a component's files, whose paths follow its name); paths in `absent`
 * are taken for missing (what a dry run knows the real run will roll back first). */
export function readChartSnapshot(chartDir: string, more: readonly string[] = [], absent: ReadonlySet<string> = new Set()): ChartSnapshot {
  const occupied = holdsFiles(chartDir, absent.size ? new Set([...TRANSIENT, ...absent]) : TRANSIENT);
  const record: ReadRecord = occupied ? readRecord(chartDir, absent) : { kind: 'none' };
  const files = new Map<string, Buffer | Error>();
  if (occupied) {
    for (const path of new Set([...knownPaths(record), ...more])) {
      if (absent.has(path)) continue;
      try {
        const content = readChartFile(chartDir, path);
        if (content !== undefined) files.set(path, content);
      } catch (error) {
        files.set(path, error as Error);
      }
    }
  }
  return { dir: chartDir, occupied, record, files };
}

/** The paths a plan generates that the snapshot did not read: planned from it, they would look new
 * even where a file of the user's is. */
export function unreadPaths(snapshot: ChartSnapshot, generated: readonly string[]): string[] {
  if (!snapshot.occupied) return [];
  const known = knownPaths(snapshot.record);
  return generated.filter((path) => !known.has(path));
}
