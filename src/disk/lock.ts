// One run at a time on a chart: an exclusive lock file in `.k8s-chart/`, placed whole and atomically
// (written aside, then hard-linked where it goes) before the chart directory is read. A lock whose
// process is gone (killed, crashed) is stale and taken over; a lock of a live run makes this one
// stop with one line and write nothing.
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { checkChartDir, DiskError, entryKind, foldersMade, holdsFiles, linkNewFile, makeDirectories, readChartFile, removeEmptyFolders, unlinkEntry, writeNewFile } from './chart-fs.ts';

export const LOCK_FILE = '.k8s-chart/lock';

export class LockedError extends Error {}

interface Holder {
  pid: number;
  host: string;
  /** The process's start time as the kernel counts it (Linux), so a reused pid is not taken for the holder. */
  started: string;
  /** The process's pid namespace (Linux), so a run in another container is not taken for gone. */
  ns?: string;
}

/** This process's pid namespace, as the kernel names it; '' where there is none to tell. */
function pidNamespace(): string {
  try {
    return String(statSync('/proc/self/ns/pid').ino);
  } catch {
    return '';
  }
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
  // Another pid namespace's (a container sharing the folder and the host name): its pids are not ours.
  if (holder.ns !== undefined && holder.ns !== pidNamespace()) return true;
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

/** The lock's holder, read as any file of the chart is (no link on the way, a few KiB at most); a
 * lock that cannot be read that way holds nobody. */
function readHolder(chartDir: string): Holder | undefined {
  try {
    const content = readChartFile(chartDir, LOCK_FILE, 4096);
    if (content === undefined) return undefined;
    const data = JSON.parse(content.toString('utf8')) as Partial<Holder>;
    if (!Number.isInteger(data.pid) || typeof data.host !== 'string' || typeof data.started !== 'string') return undefined;
    if (data.ns !== undefined && typeof data.ns !== 'string') return undefined;
    return data as Holder;
  } catch {
    return undefined;
  }
}

let ownLock: string | undefined;

/** What a lock file of this run holds: who holds it, so a later run can tell a stale one. The same
 * for every chart of a batch (its threads share one process), so read from /proc once a thread. */
function lockContent(): string {
  if (ownLock === undefined) {
    const ns = pidNamespace();
    const me: Holder = { pid: process.pid, host: hostname(), started: startTime(process.pid), ...(ns ? { ns } : {}) };
    ownLock = JSON.stringify(me);
  }
  return ownLock;
}

/** Whether no process has this pid here (a run that wrote a name with its pid, and is gone). */
function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Places this run's lock in `dir`, whole: written aside, then linked where it goes, which fails
 * ("already exists") if a lock is there. Created in place, it would be empty for a moment, and a
 * run reading it then would take it for stale and take it too. */
export function placeLock(dir: string): void {
  const claim = `${LOCK_FILE}.${process.pid}`;
  writeNewFile(dir, claim, lockContent());
  try {
    linkNewFile(dir, claim, LOCK_FILE);
  } finally {
    unlinkEntry(dir, claim);
  }
}

/** Whether the folder is what a run that is gone left: it holds the lock of a run that is gone, or
 * no lock and the run whose pid it is named with is gone (killed before its lock was placed). A
 * lock that cannot be read says nothing: not stale. */
export function leftByDeadRun(dir: string, namedPid: number): boolean {
  const holder = readHolder(dir);
  if (holder) return !alive(holder);
  return entryKind(dir, LOCK_FILE) === 'missing' && namedPid > 0 && gone(namedPid);
}

/** Removes the lock's `lock.<pid>` files that runs killed while placing it left, once their run is gone. */
function removeDeadClaims(chartDir: string): void {
  for (const name of readdirSync(join(chartDir, '.k8s-chart'))) {
    const pid = /^lock\.(\d+)$/.exec(name)?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && gone(Number(pid))) unlinkEntry(chartDir, `.k8s-chart/${name}`);
  }
}

export interface Lock {
  /** Gives the lock back; with `tidy`, also removes the folders this run made for it, where empty. */
  release(options?: { tidy?: boolean }): void;
}

/** Takes the chart's lock, making the chart directory (and its parents) when it is not there yet. */
export function lockChart(chartDir: string): Lock {
  const created = checkChartDir(chartDir) === 'missing' ? foldersMade(chartDir, makeDirectories(chartDir)) : [];
  if (entryKind(chartDir, '.k8s-chart') === 'missing') created.push(join(chartDir, '.k8s-chart'));
  for (let tries = 0; ; tries++) {
    try {
      placeLock(chartDir);
      break;
    } catch (error) {
      if (!(error instanceof DiskError) || error.reason !== 'already exists') throw error;
      const holder = readHolder(chartDir);
      // A second time: another run took over the same stale lock first.
      if ((holder && alive(holder)) || tries > 0) {
        removeEmptyFolders(created);
        throw new LockedError(`another k8s-chart run (pid ${holder?.pid ?? '?'}) is updating this chart: ${chartDir}`);
      }
      unlinkEntry(chartDir, LOCK_FILE); // stale, or not a lock at all: a planted link is unlinked, not followed
    }
  }
  removeDeadClaims(chartDir);
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
