// One run at a time on a chart: an exclusive lock file in `.k8s-chart/`, created atomically (`wx`)
// before the chart directory is read. A lock whose process is gone (killed, crashed) is stale and
// taken over; a lock of a live run makes this one stop with one line and write nothing.
import { lstatSync, readFileSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { checkChartDir, DiskError, entryKind, holdsFiles, linkNewFile, makeDirectories, removeEmptyFolders, unlinkEntry, writeNewFile } from './chart-fs.ts';

export const LOCK_FILE = '.k8s-chart/lock';

export class LockedError extends Error {}

interface Holder {
  pid: number;
  host: string;
  /** The process's start time as the kernel counts it (Linux), so a reused pid is not taken for the holder. */
  started: string;
}

function startTime(pid: number): string {
  try {
    // Field 22 of /proc/<pid>/stat, after the command name in parentheses (which may hold spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

function alive(holder: Holder): boolean {
  if (holder.host !== hostname()) return true; // another machine's run: it cannot be checked from here
  // pid 0 and negative pids signal process groups, not a process: no run holds such a lock.
  if (holder.pid <= 0) return false;
  // Where the kernel tells start times (Linux), a lock without one was not written by a live run here.
  if (startTime(process.pid) !== '' && holder.started === '') return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return holder.started === '' || startTime(holder.pid) === '' || startTime(holder.pid) === holder.started;
}

function readHolder(chartDir: string): Holder | undefined {
  try {
    const lock = join(chartDir, LOCK_FILE);
    if (!lstatSync(lock).isFile()) return undefined;
    const data = JSON.parse(readFileSync(lock, 'utf8')) as Partial<Holder>;
    if (!Number.isInteger(data.pid) || typeof data.host !== 'string' || typeof data.started !== 'string') return undefined;
    return data as Holder;
  } catch {
    return undefined;
  }
}

/** What a lock file of this run holds: who holds it, so a later run can tell a stale one. */
export function lockContent(): string {
  const me: Holder = { pid: process.pid, host: hostname(), started: startTime(process.pid) };
  return JSON.stringify(me);
}

/** Whether the folder holds the lock of a run that is gone (killed, crashed): a lock that cannot
 * be read says nothing, so it is not stale. */
export function heldByDeadRun(dir: string): boolean {
  const holder = readHolder(dir);
  return holder !== undefined && !alive(holder);
}

export interface Lock {
  /** Gives the lock back; with `tidy`, also removes the folders this run made for it, where empty. */
  release(options?: { tidy?: boolean }): void;
}

/** Takes the chart's lock, making the chart directory (and its parents) when it is not there yet. */
export function lockChart(chartDir: string): Lock {
  const created: string[] = [];
  if (checkChartDir(chartDir) === 'missing') {
    const first = makeDirectories(chartDir);
    if (first !== undefined) {
      for (let dir = chartDir; dir.length >= first.length; dir = join(dir, '..')) created.unshift(dir);
    }
  }
  if (entryKind(chartDir, '.k8s-chart') === 'missing') created.push(join(chartDir, '.k8s-chart'));
  // The lock appears whole: written aside, then linked where it goes (which fails if a lock is
  // there). Created in place, it would be empty for a moment, and a run reading it then would take
  // it for stale and take it too.
  const claim = `${LOCK_FILE}.${process.pid}`;
  for (let tries = 0; ; tries++) {
    writeNewFile(chartDir, claim, lockContent());
    try {
      linkNewFile(chartDir, claim, LOCK_FILE);
      break;
    } catch (error) {
      unlinkEntry(chartDir, claim);
      if (!(error instanceof DiskError) || error.reason !== 'already exists' || tries > 0) throw error;
      const holder = readHolder(chartDir);
      if (holder && alive(holder)) {
        removeEmptyFolders(created);
        throw new LockedError(`another k8s-chart run (pid ${holder.pid}) is updating this chart: ${chartDir}`);
      }
      unlinkEntry(chartDir, LOCK_FILE); // stale, or not a lock at all: a planted link is unlinked, not followed
    }
  }
  return {
    release({ tidy = false } = {}) {
      unlinkEntry(chartDir, LOCK_FILE);
      if (!tidy) return;
      // A fresh chart that was not written (refused answers, a full disk) leaves no folder behind.
      if (created.includes(chartDir) && !holdsFiles(chartDir)) rmSync(chartDir, { recursive: true });
      removeEmptyFolders(created);
    },
  };
}
