// The chart directory is untrusted input: it is committed, and a pull request can change every file
// in it, symlinks included. Every path this generator reads, writes, renames or deletes inside it
// goes through here, as git's checkout and npm's tar extraction do it: a path is relative and
// normalised and stays inside the chart, and no symlink is followed, neither at the file nor at a
// folder on the way (each component is checked with lstat). The chart directory itself may sit
// below a symlink the user chose (`--output`), but may not be one.
import { closeSync, constants, fstatSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A file-system failure as one line: the path and the cause, no stack. */
export class DiskError extends Error {
  readonly path: string;
  readonly reason: string;
  constructor(path: string, reason: string) {
    super(`${path}: ${reason}`);
    this.path = path;
    this.reason = reason;
  }
}

/** A record file the chart carries (.yo-rc.json, .k8s-chart/*) that cannot be trusted as it is. */
export class DamagedRecordError extends Error {
  readonly path: string;
  constructor(path: string, reason: string) {
    super(`${path}: damaged (${reason}); remove it or pass --force`);
    this.path = path;
  }
}

const CAUSES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  ENOTDIR: 'not a directory (a file is in the way)',
  EISDIR: 'is a directory',
  ELOOP: 'a loop of symbolic links (or a link where k8s-chart never follows one)',
  ENOENT: 'no such file or directory',
  EEXIST: 'already exists',
  ENAMETOOLONG: 'name too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

/** The one-line cause of a failed system call. */
export function causeOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (code && CAUSES[code]) ?? (code ? code : String((error as Error)?.message ?? error));
}

export function isDiskFailure(error: unknown): boolean {
  return typeof (error as NodeJS.ErrnoException | undefined)?.code === 'string' && (error as NodeJS.ErrnoException).syscall !== undefined;
}

/** Runs a system call on `path`, turning its failure into a DiskError. */
function attempt<T>(path: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof DiskError || !isDiskFailure(error)) throw error;
    throw new DiskError(path, causeOf(error));
  }
}

/** Why a path taken from a record cannot be used, or undefined when it is a plain relative path
 * inside the chart: "/"-separated, no empty, "." or ".." segment, no backslash, no NUL or other
 * control character, not absolute, and no `.git` segment (git refuses those in trees too). */
export function unsafePathReason(path: unknown): string | undefined {
  if (typeof path !== 'string' || path === '') return 'a path is not a non-empty string';
  const shown = JSON.stringify(path.length > 80 ? `${path.slice(0, 80)}...` : path);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return `path ${shown} has a control character`;
  if (path.includes('\\')) return `path ${shown} has a backslash`;
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return `path ${shown} is absolute`;
  const segments = path.split('/');
  if (segments.includes('..')) return `path ${shown} leaves the chart`;
  if (segments.some((segment) => segment === '' || segment === '.')) return `path ${shown} is not normalised`;
  if (segments.some((segment) => segment.toLowerCase() === '.git')) return `path ${shown} is inside .git`;
  if (segments.some((segment) => Buffer.byteLength(segment) > 255)) return `path ${shown} has a name longer than 255 bytes`;
  if (segments.length > 32) return `path ${shown} is more than 32 folders deep`;
  return undefined;
}

/** What a path inside the chart is, without following any link: each folder on the way must be a
 * real folder. 'missing' when it or a folder on the way does not exist yet. */
export function entryKind(chartDir: string, path: string): 'missing' | 'file' | 'directory' {
  const segments = path.split('/');
  let current = chartDir;
  for (let i = 0; i < segments.length; i++) {
    current = join(current, segments[i]!);
    const stat = attempt(current, () => lstatSync(current, { throwIfNoEntry: false }));
    if (stat === undefined) return 'missing';
    if (stat.isSymbolicLink()) throw new DiskError(current, 'is a symbolic link; k8s-chart never follows links inside a chart');
    const last = i === segments.length - 1;
    if (last) {
      if (stat.isDirectory()) return 'directory';
      if (stat.isFile()) return 'file';
      throw new DiskError(current, 'is not a regular file');
    }
    if (!stat.isDirectory()) throw new DiskError(current, 'not a directory (a file is in the way)');
  }
  return 'missing';
}

/** Makes a folder and its missing parents, one mkdir each (Node's recursive mkdir retries forever
 * where a file system refuses a new folder, as /proc does). Returns the first folder made, like
 * mkdirSync's recursive form, or undefined when it was there. */
export function makeDirectories(path: string): string | undefined {
  const missing: string[] = [];
  for (let dir = path; attempt(dir, () => lstatSync(dir, { throwIfNoEntry: false })) === undefined; dir = dirname(dir)) {
    missing.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  for (const dir of missing) attempt(dir, () => mkdirSync(dir));
  return missing[0];
}

/** The folders makeDirectories(path) made, from `first` (what it returned) down to `path`. */
export function foldersMade(path: string, first: string | undefined): string[] {
  const made: string[] = [];
  if (first !== undefined) for (let dir = path; dir.length >= first.length; dir = dirname(dir)) made.unshift(dir);
  return made;
}

/** Makes one folder, failing with "already exists" on anything at that name, a link included. */
export function makeFolder(path: string): void {
  attempt(path, () => mkdirSync(path));
}

/** Gives a folder this run made and filled its place in one step; fails where anything but an
 * empty folder is there. */
export function renameFolder(from: string, to: string): void {
  attempt(to, () => renameSync(from, to));
}

/** Whether `path` is a folder of the chart's, with no link on the way. */
function isRealDirectory(chartDir: string, path: string): boolean {
  try {
    return entryKind(chartDir, path) === 'directory';
  } catch (error) {
    if (error instanceof DiskError) return false;
    throw error;
  }
}

/** The chart directory itself: missing, or a real folder (not a link, not a file). */
export function checkChartDir(chartDir: string): 'missing' | 'directory' {
  const stat = attempt(chartDir, () => lstatSync(chartDir, { throwIfNoEntry: false }));
  if (stat === undefined) return 'missing';
  if (stat.isSymbolicLink()) throw new DiskError(chartDir, 'is a symbolic link; the chart directory must be a real folder');
  if (!stat.isDirectory()) throw new DiskError(chartDir, 'not a directory (a file is in the way)');
  return 'directory';
}

/** The content of a file inside the chart, or undefined when there is none. A link is refused. */
export function readChartFile(chartDir: string, path: string, maxBytes = 64 * 1024 * 1024): Buffer | undefined {
  const kind = entryKind(chartDir, path);
  if (kind === 'missing') return undefined;
  const file = join(chartDir, path);
  if (kind === 'directory') throw new DiskError(file, 'is a directory, where k8s-chart keeps a file');
  return attempt(file, () => {
    // O_NOFOLLOW: a link swapped in after the check above is refused by the kernel, not read.
    const fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile()) throw new DiskError(file, 'is not a regular file');
      // Checked before reading too: a planted file of gigabytes is refused, not read.
      if (stat.size > maxBytes) throw new DiskError(file, `larger than ${maxBytes} bytes`);
      const content = readFileSync(fd);
      if (content.length > maxBytes) throw new DiskError(file, `larger than ${maxBytes} bytes`);
      return content;
    } finally {
      closeSync(fd);
    }
  });
}

/** Creates the folders of `path` inside the chart one by one, refusing a link on the way: each
 * folder is checked with lstat once, from the chart down, and made where it is missing. */
export function makeParents(chartDir: string, path: string): void {
  const segments = path.split('/').slice(0, -1);
  let current = chartDir;
  for (const segment of segments) {
    current = join(current, segment);
    const folder = current;
    const stat = attempt(folder, () => lstatSync(folder, { throwIfNoEntry: false }));
    if (stat === undefined) attempt(folder, () => mkdirSync(folder));
    else if (stat.isSymbolicLink()) throw new DiskError(folder, 'is a symbolic link; k8s-chart never follows links inside a chart');
    else if (stat.isFile()) throw new DiskError(folder, 'not a directory (a file is in the way)');
    else if (!stat.isDirectory()) throw new DiskError(folder, 'is not a regular file');
  }
}

/** Creates a file inside the chart exclusively (`wx`): fails with "already exists" on anything at
 * that name, a link included, so nothing is ever written through one. */
export function createFile(chartDir: string, path: string, content: string | Buffer): void {
  makeParents(chartDir, path);
  createExclusive(join(chartDir, path), content);
}

/** The file created with `wx` (its folders are there and were checked); one that could not be
 * written whole (a full disk) is removed, so what fails leaves nothing of its own. */
export function createExclusive(file: string, content: string | Buffer): void {
  attempt(file, () => {
    const fd = openSync(file, 'wx', 0o666);
    let whole = false;
    try {
      const bytes = typeof content === 'string' ? Buffer.from(content) : content;
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      whole = true;
    } finally {
      closeSync(fd);
      if (!whole) unlinkQuietly(file);
    }
  });
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // The failure that brought us here is the one to report.
  }
}

/** Writes a new file inside the chart, created exclusively: a file already at that name (a planted
 * temporary file, say) is removed first, and a link there is removed, never written through. */
export function writeNewFile(chartDir: string, path: string, content: string | Buffer): void {
  makeParents(chartDir, path);
  const file = join(chartDir, path);
  const stat = attempt(file, () => lstatSync(file, { throwIfNoEntry: false }));
  if (stat?.isDirectory()) throw new DiskError(file, 'is a directory, where k8s-chart writes a file');
  if (stat) attempt(file, () => unlinkSync(file));
  createExclusive(file, content);
}

/** Removes whatever non-folder entry is at `path` (a link itself, never its target). */
export function unlinkEntry(chartDir: string, path: string): void {
  const parent = path.split('/').slice(0, -1).join('/');
  // Below a link or a file there is no entry of the chart's (nothing is ever written through one).
  if (parent && !isRealDirectory(chartDir, parent)) return;
  const file = join(chartDir, path);
  const stat = attempt(file, () => lstatSync(file, { throwIfNoEntry: false }));
  if (stat && !stat.isDirectory()) attempt(file, () => unlinkSync(file));
}

/** Gives the whole file at `from` (just written) the name `to`, where nothing may be: a hard link,
 * which fails if anything is there, then `from` goes. A file system without hard links takes a
 * rename, once `to` is checked missing. */
export function linkNewFile(chartDir: string, from: string, to: string): void {
  const source = join(chartDir, from);
  const target = join(chartDir, to);
  attempt(target, () => {
    try {
      linkSync(source, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
      if (entryKind(chartDir, to) !== 'missing') throw new DiskError(target, 'already exists');
      renameSync(source, target);
      return;
    }
    unlinkSync(source);
  });
}

/** Renames one file inside the chart onto another; neither may be a link or below one. A link at
 * the target would be replaced, not followed, but is refused all the same: it was planted. */
export function renameInChart(chartDir: string, from: string, to: string): void {
  if (entryKind(chartDir, from) !== 'file') return;
  if (entryKind(chartDir, to) === 'directory') throw new DiskError(join(chartDir, to), 'is a directory, where k8s-chart writes a file');
  makeParents(chartDir, to);
  attempt(join(chartDir, to), () => renameSync(join(chartDir, from), join(chartDir, to)));
}

/** Deletes a file inside the chart (a missing one is fine); a link or a folder is refused. */
export function removeFile(chartDir: string, path: string): void {
  const kind = entryKind(chartDir, path);
  if (kind === 'missing') return;
  if (kind === 'directory') throw new DiskError(join(chartDir, path), 'is a directory, where k8s-chart removes a file');
  attempt(join(chartDir, path), () => unlinkSync(join(chartDir, path)));
}

/** Whether the chart directory holds anything but empty folders and the given transient files
 * (what an interrupted fresh generation may leave): only then is it somebody's chart. */
export function holdsFiles(chartDir: string, ignore: ReadonlySet<string> = new Set()): boolean {
  const visit = (dir: string, prefix: string): boolean => {
    for (const entry of attempt(dir, () => readdirSync(dir, { withFileTypes: true }))) {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory() ? visit(join(dir, entry.name), path) : !ignore.has(path)) return true;
    }
    return false;
  };
  return checkChartDir(chartDir) === 'directory' && visit(chartDir, '');
}

/** Removes the given folders, deepest first, where they are empty (folders a failed run made). */
export function removeEmptyFolders(paths: string[]): void {
  for (const path of [...paths].reverse()) {
    try {
      rmdirSync(path);
    } catch {
      // Not empty, or already gone: it is not ours to remove then.
    }
  }
}
