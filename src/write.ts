// Puts a planned set of changes on disk, all or nothing. A new chart is written aside and renamed
// into place whole (writeFreshChart). An existing one is changed under a journal: it first lists the renames,
// deletions and new files to come ("preparing"), then writes every new content beside its file and
// links each missing file where it goes (a hard link: the whole file or none), then marks the
// journal "committed", then renames and deletes, then the journal goes. The next run rolls an
// interrupted update (a crash, Ctrl-C, a full disk) back if it was still preparing (the temporary
// files go, and each new file still as written) and completes it if it was committed. An existing
// chart directory is never moved: the user's shell and .git may be in it. Every path goes through chart-fs:
// confined to the chart, no link followed.
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { basename, dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import { leftByDeadRun, LOCK_FILE, placeLock } from './disk/lock.ts';
import {
  checkChartDir,
  createExclusive,
  foldersMade,
  makeFolder,
  removeEmptyFolders,
  renameFolder,
  linkNewFile,
  DamagedRecordError,
  DiskError,
  entryKind,
  makeDirectories,
  readChartFile,
  removeFile,
  renameInChart,
  unlinkEntry,
  unsafePathReason,
  writeNewFile,
} from './disk/chart-fs.ts';
import { validateJournal } from './update/validate-records.generated.js';
import { firstError } from './update/record.ts';

export interface Change {
  path: string;
  /** The new content; undefined deletes the file. */
  content?: string | Buffer;
}

export const JOURNAL_FILE = '.k8s-chart/journal.json';
export const TEMP_SUFFIX = '.k8s-chart-new';
/** What a run killed while writing its journal may leave; the next run removes it. */
export const JOURNAL_TEMP = `${JOURNAL_FILE}${TEMP_SUFFIX}`;
/** What a journal may never rename or delete: the lock and the journal itself. */
const RUN_FILES = ['.k8s-chart/lock', JOURNAL_FILE];

interface Journal {
  state: 'preparing' | 'committed';
  renames: Array<{ from: string; to: string }>;
  deletes: string[];
  /** Files that were missing, written where they go; a roll back removes each that still holds
   * what was written (by its CRC-32), so a file somebody put there since is left alone. */
  creates?: Array<{ path: string; crc32: number }>;
}

export function sameContent(disk: Buffer | undefined, content: string | Buffer | undefined): boolean {
  if (disk === undefined || content === undefined) return disk === undefined && content === undefined;
  return disk.equals(typeof content === 'string' ? Buffer.from(content) : content);
}

/** A test's way to interrupt a run like a crash: K8S_CHART_FAULT=prepare:N stops the process
 * after N new or temporary files, rename:N after N renames, complete:0 just before the journal
 * goes; torn:N stops it halfway through writing the Nth new file, as a kill would;
 * enospc:N fails the Nth new or temporary file as a full disk does; bug:NAME makes writing
 * the chart NAME fail as a bug would. */
const [faultStage, faultCount] = (process.env.K8S_CHART_FAULT ?? ':').split(':');
const crashAt = (stage: string, count: number) => {
  if (stage === faultStage && String(count) === faultCount) process.exit(137);
};
const tornAt = (count: number, chartDir: string, path: string, content: Buffer) => {
  if (faultStage !== 'torn' || String(count) !== faultCount) return;
  writeNewFile(chartDir, path, content.subarray(0, content.length >> 1));
  process.exit(137);
};
const fullDiskAt = (count: number, path: string) => {
  if (faultStage === 'enospc' && String(count) === faultCount) throw new DiskError(path, 'no space left on device');
};

/** What both ways of writing refuse before touching the disk: a path that is not a plain one inside
 * the chart (and the injected bug of K8S_CHART_FAULT=bug:NAME). */
function refuseUnsafe(chartDir: string, changes: Change[]): void {
  if (faultStage === 'bug' && basename(chartDir) === faultCount) throw new Error('an injected bug');
  for (const change of changes) {
    const unsafe = unsafePathReason(change.path);
    if (unsafe) throw new Error(`k8s-chart: refusing to write ${unsafe}`);
  }
}

export function applyChanges(chartDir: string, changes: Change[]): void {
  if (changes.length === 0) return;
  refuseUnsafe(chartDir, changes);
  // The chart directory is the caller's choice of place, made here if it is not there yet.
  if (checkChartDir(chartDir) === 'missing') makeDirectories(chartDir);
  recoverInterruptedUpdate(chartDir);
  // Checks each target and every folder on the way before anything is written: a file that is
  // there is replaced by a rename of its new content; a missing one is created where it goes.
  const contents = new Map<string, Buffer>();
  const creates: Array<{ path: string; crc32: number }> = [];
  const renames: Journal['renames'] = [];
  for (const change of changes) {
    if (change.content === undefined) continue;
    const kind = entryKind(chartDir, change.path);
    if (kind === 'directory') throw new DiskError(join(chartDir, change.path), 'is a directory, where k8s-chart writes a file');
    const bytes = typeof change.content === 'string' ? Buffer.from(change.content) : change.content;
    contents.set(change.path, bytes);
    if (kind === 'missing') creates.push({ path: change.path, crc32: crc32(bytes) });
    else renames.push({ from: `${change.path}${TEMP_SUFFIX}`, to: change.path });
  }
  const journal: Journal = {
    state: 'preparing',
    renames,
    deletes: changes.filter((change) => change.content === undefined).map((change) => change.path),
    creates,
  };
  writeJournal(chartDir, journal);
  const created: string[] = [];
  try {
    let written = 0;
    for (const { path } of creates) {
      crashAt('prepare', written);
      const temporary = `${path}${TEMP_SUFFIX}`;
      fullDiskAt(written++, join(chartDir, temporary));
      // Whole or not at all where it goes: written aside, then linked there (nothing may be there).
      tornAt(written - 1, chartDir, temporary, contents.get(path)!);
      writeNewFile(chartDir, temporary, contents.get(path)!);
      linkNewFile(chartDir, temporary, path);
      created.push(path);
    }
    for (const { from, to } of renames) {
      crashAt('prepare', written);
      fullDiskAt(written++, join(chartDir, from));
      writeNewFile(chartDir, from, contents.get(to)!);
    }
    // From here on the next run completes the update instead of rolling it back.
    writeJournal(chartDir, { ...journal, state: 'committed' });
  } catch (error) {
    // Nothing was renamed yet: take the new and temporary files and the journal back, so a full
    // disk or a refused path leaves the chart as it was.
    try {
      rollBack(chartDir, journal, new Set(created));
    } catch {
      // The first failure is the one to report; the next run rolls back what is left.
    }
    throw error;
  }
  completeJournal(chartDir, journal);
}

/** Names the folder a fresh chart is written in, beside where it goes: `.<name>.k8s-chart-new-<pid>-<random>`. */
export const STAGING_MARK = '.k8s-chart-new-';

/**
 * A chart where there was none: written whole into a folder of its own beside where it goes, the
 * chart's lock in it from the start, then renamed there in one step. The chart appears complete
 * or not at all, so it needs no journal, and each file is written once (no temporary file, link
 * and rename each). A killed run leaves only that folder, holding the lock of a run that is gone;
 * the next fresh run of the chart removes it. A chart made meanwhile by another run is left alone
 * and this run fails with one line.
 */
export function writeFreshChart(chartDir: string, changes: Change[]): void {
  refuseUnsafe(chartDir, changes);
  const parent = dirname(chartDir);
  const firstMade = makeDirectories(parent);
  const prefix = `.${basename(chartDir)}${STAGING_MARK}`;
  removeStaleStaging(parent, prefix);
  // The pid tells this run's folder from a live run's; the random part makes a planted name unlikely
  // (one there fails the run: "already exists").
  const random = Math.floor(Math.random() * 2 ** 32).toString(16).padStart(8, '0');
  const staging = join(parent, `${prefix}${process.pid}-${random}`);
  let made = false;
  try {
    try {
      makeFolder(staging);
      made = true;
    } catch (error) {
      // The folder the user named is where it failed (no permission, a read-only disk).
      throw error instanceof DiskError ? new DiskError(chartDir, error.reason) : error;
    }
    placeLock(staging);
    const folders = new Set(['.k8s-chart']);
    let written = 0;
    for (const { path, content } of changes) {
      if (content === undefined) continue;
      const bytes = typeof content === 'string' ? Buffer.from(content) : content;
      const file = join(staging, path);
      crashAt('prepare', written);
      fullDiskAt(written++, file);
      const segments = path.split('/');
      for (let depth = 1; depth < segments.length; depth++) {
        const folder = segments.slice(0, depth).join('/');
        if (!folders.has(folder)) makeFolder(join(staging, folder));
        folders.add(folder);
      }
      tornAt(written - 1, staging, path, bytes);
      createExclusive(file, bytes);
    }
    crashAt('complete', 0);
    try {
      renameFolder(staging, chartDir);
    } catch (error) {
      if (!(error instanceof DiskError) || checkChartDir(chartDir) === 'missing') throw error;
      throw new DiskError(chartDir, 'was made by another run while this one wrote it; run again to update it');
    }
  } catch (caught) {
    // A path inside the folder written in is gone once this fails: the chart's own path is named.
    const error = caught instanceof DiskError && caught.path.startsWith(`${staging}/`) ? new DiskError(join(chartDir, caught.path.slice(staging.length + 1)), caught.reason) : caught;
    try {
      if (made) rmSync(staging, { recursive: true, force: true });
    } catch {
      // The first failure is the one to report; the next fresh run removes what is left.
    }
    removeEmptyFolders(foldersMade(parent, firstMade));
    throw error;
  }
  unlinkEntry(chartDir, LOCK_FILE);
}

/** Removes what killed fresh runs of this chart left beside it: a real folder named for it that
 * holds the lock of a run that is gone, or no lock and the pid of a run that is gone in its name.
 * A link, a folder whose lock cannot be read or is a live run's, is not ours. */
function removeStaleStaging(parent: string, prefix: string): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const dir = join(parent, name);
    try {
      const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1] ?? 0);
      if (lstatSync(dir).isDirectory() && leftByDeadRun(dir, pid)) rmSync(dir, { recursive: true, force: true });
    } catch {
      // Gone meanwhile, or not ours to remove.
    }
  }
}

function writeJournal(chartDir: string, journal: Journal): void {
  writeNewFile(chartDir, JOURNAL_TEMP, JSON.stringify(journal));
  renameInChart(chartDir, JOURNAL_TEMP, JOURNAL_FILE);
}

function completeJournal(chartDir: string, journal: Journal): void {
  for (const { path } of journal.creates ?? []) unlinkEntry(chartDir, `${path}${TEMP_SUFFIX}`);
  let renamed = 0;
  for (const { from, to } of journal.renames) {
    crashAt('rename', renamed);
    renameInChart(chartDir, from, to);
    renamed++;
  }
  for (const path of journal.deletes) removeFile(chartDir, path);
  crashAt('complete', 0);
  removeFile(chartDir, JOURNAL_FILE);
}

/** A file's bytes; undefined when it is missing, or not a plain file below real folders (a link is
 * nobody's file of this run). */
function plainFile(chartDir: string, path: string): Buffer | undefined {
  try {
    return readChartFile(chartDir, path);
  } catch (error) {
    if (error instanceof DiskError) return undefined;
    throw error;
  }
}

/** Whether a new file an update wrote still holds what it wrote (by its CRC-32): only then is it
 * the update's to take back. */
function stillAsWritten(chartDir: string, { path, crc32: written }: { path: string; crc32: number }): boolean {
  const content = plainFile(chartDir, path);
  return content !== undefined && crc32(content) === written;
}

/** Removes the temporary files of an update not yet committed and the new files it wrote (those
 * still as it wrote them), then its journal: only once they are all gone, so a failure leaves the
 * journal for the next run. */
function rollBack(chartDir: string, journal: Journal, created?: ReadonlySet<string>): void {
  for (const { from } of journal.renames) unlinkEntry(chartDir, from);
  for (const { path, crc32: written } of journal.creates ?? []) {
    unlinkEntry(chartDir, `${path}${TEMP_SUFFIX}`);
    // This run knows what it created; after a crash, a file still as written was ours.
    if (created && !created.has(path)) continue;
    if (stillAsWritten(chartDir, { path, crc32: written })) removeFile(chartDir, path);
  }
  unlinkEntry(chartDir, JOURNAL_TEMP);
  removeFile(chartDir, JOURNAL_FILE);
}

/** What the roll back of an interrupted update would remove: the new files it wrote (those still
 * as it wrote them), its temporary files and its journal. A dry run plans as if they were gone, as
 * the real run will find them. */
export function filesRolledBack(chartDir: string, journal: Journal): Set<string> {
  if (journal.state === 'committed') return new Set();
  return new Set([
    ...(journal.creates ?? []).filter((create) => stillAsWritten(chartDir, create)).map(({ path }) => path),
    ...(journal.creates ?? []).map(({ path }) => `${path}${TEMP_SUFFIX}`),
    ...journal.renames.map(({ from }) => from),
    JOURNAL_TEMP,
    JOURNAL_FILE,
  ]);
}

/** The journal as a trusted value, or a DamagedRecordError naming why not. */
export function readJournal(chartDir: string): Journal | undefined {
  const file = join(chartDir, JOURNAL_FILE);
  const content = readChartFile(chartDir, JOURNAL_FILE, 16 * 1024 * 1024);
  if (content === undefined) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(content.toString('utf8'));
  } catch {
    throw new DamagedRecordError(file, 'not valid JSON');
  }
  if (!validateJournal(data)) throw new DamagedRecordError(file, firstError(validateJournal.errors, 'the journal'));
  const journal = data as Journal;
  for (const path of [...journal.renames.flatMap(({ from, to }) => [from, to]), ...journal.deletes, ...(journal.creates ?? []).map(({ path }) => path)]) {
    const unsafe = unsafePathReason(path) ?? (RUN_FILES.some((own) => path.startsWith(own)) ? `path ${JSON.stringify(path)} is the run's own lock or journal` : undefined);
    if (unsafe) throw new DamagedRecordError(file, unsafe);
  }
  const created = (journal.creates ?? []).map(({ path }) => path);
  if (new Set(created).size !== created.length) throw new DamagedRecordError(file, 'a new file is listed twice');
  for (const { from, to } of journal.renames) {
    if (from !== `${to}${TEMP_SUFFIX}`) throw new DamagedRecordError(file, `rename of "${from}" is not from ${JSON.stringify(to + TEMP_SUFFIX)}`);
  }
  return journal;
}

/** Completes an update a previous run committed but did not finish, or rolls back one it was
 * still preparing. With `discard` (--force), a damaged journal is removed without acting on any
 * of its paths. Returns what it did. */
export function recoverInterruptedUpdate(
  chartDir: string,
  options: { discard?: boolean } = {},
): 'none' | 'completed' | 'rolled back' | 'discarded' {
  if (entryKind(chartDir, '.k8s-chart') !== 'directory') return 'none';
  unlinkEntry(chartDir, JOURNAL_TEMP);
  let journal: Journal | undefined;
  try {
    journal = readJournal(chartDir);
  } catch (error) {
    if (!(error instanceof DamagedRecordError) || !options.discard) throw error;
    unlinkEntry(chartDir, JOURNAL_FILE);
    return 'discarded';
  }
  if (journal === undefined) return 'none';
  try {
    if (journal.state === 'committed') {
      completeJournal(chartDir, journal);
      return 'completed';
    }
    rollBack(chartDir, journal);
    return 'rolled back';
  } catch (error) {
    // Well-shaped, yet it names what cannot be done (a folder to delete, a name too long): damaged.
    if (!(error instanceof DiskError)) throw error;
    if (options.discard) {
      unlinkEntry(chartDir, JOURNAL_FILE);
      return 'discarded';
    }
    throw new DamagedRecordError(join(chartDir, JOURNAL_FILE), `cannot be completed: ${error.message}`);
  }
}

const isText = (bytes: Buffer) => !bytes.includes(0) && isUtf8(bytes);

/** A unified diff (`---`/`+++` headers) of what the changes would do to the files on disk (those
 * in `absent` taken for missing). */
export async function unifiedDiff(chartDir: string, changes: Change[], absent: ReadonlySet<string> = new Set()): Promise<string> {
  const { createTwoFilesPatch } = await import('diff');
  return changes
    .map((change) => {
      const disk = absent.has(change.path) ? undefined : readChartFile(chartDir, change.path);
      // A file removed is binary by what it holds: NUL bytes, or bytes that are no UTF-8.
      const binary = change.content === undefined ? disk !== undefined && !isText(disk) : typeof change.content !== 'string';
      if (binary) return `Binary file ${change.path} ${disk === undefined ? 'added' : change.content === undefined ? 'removed' : 'changed'}\n`;
      return createTwoFilesPatch(
        disk === undefined ? '/dev/null' : `a/${change.path}`,
        change.content === undefined ? '/dev/null' : `b/${change.path}`,
        disk?.toString('utf8') ?? '',
        (change.content as string | undefined) ?? '',
        undefined,
        undefined,
        { context: 3 },
      ).replace(/^=+\n/, '');
    })
    .join('');
}
