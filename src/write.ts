// Puts a planned set of changes on disk, all or nothing, under a journal: it first lists the renames
// and deletions to come ("preparing"), then every new content is written beside its file, then the
// journal is marked "committed", then the renames and deletions happen, then the journal goes.
// The next run rolls an interrupted update (a crash, Ctrl-C) back if it was still preparing (the
// temporary files go) and completes it if it was committed. The chart directory itself is never
// moved: the user's shell and .git may be in it.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface Change {
  path: string;
  /** The new content; undefined deletes the file. */
  content?: string | Buffer;
}

export const JOURNAL_FILE = '.k8s-chart/journal.json';
const TEMP_SUFFIX = '.k8s-chart-new';

interface Journal {
  state: 'preparing' | 'committed';
  renames: Array<{ from: string; to: string }>;
  deletes: string[];
}

export function readIfExists(file: string): Buffer | undefined {
  return existsSync(file) ? readFileSync(file) : undefined;
}

export function sameContent(disk: Buffer | undefined, content: string | Buffer | undefined): boolean {
  if (disk === undefined || content === undefined) return disk === undefined && content === undefined;
  return disk.equals(typeof content === 'string' ? Buffer.from(content) : content);
}

/** A test's way to interrupt an update like a crash: K8S_CHART_FAULT=prepare:N stops the process
 * after N temporary files, rename:N after N renames. */
const [faultStage, faultCount] = (process.env.K8S_CHART_FAULT ?? ':').split(':');
const crashAt = (stage: string, count: number) => {
  if (stage === faultStage && String(count) === faultCount) process.exit(137);
};

export function applyChanges(chartDir: string, changes: Change[]): void {
  recoverInterruptedUpdate(chartDir);
  const journal: Journal = {
    state: 'preparing',
    renames: changes
      .filter((change) => change.content !== undefined)
      .map((change) => ({ from: `${change.path}${TEMP_SUFFIX}`, to: change.path })),
    deletes: changes.filter((change) => change.content === undefined).map((change) => change.path),
  };
  writeJournal(chartDir, journal);
  let written = 0;
  for (const change of changes) {
    if (change.content === undefined) continue;
    crashAt('prepare', written++);
    const target = join(chartDir, change.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(`${target}${TEMP_SUFFIX}`, change.content);
  }
  writeJournal(chartDir, { ...journal, state: 'committed' });
  completeJournal(chartDir, journal);
}

function writeJournal(chartDir: string, journal: Journal): void {
  const journalPath = join(chartDir, JOURNAL_FILE);
  mkdirSync(dirname(journalPath), { recursive: true });
  writeFileSync(`${journalPath}${TEMP_SUFFIX}`, JSON.stringify(journal));
  renameSync(`${journalPath}${TEMP_SUFFIX}`, journalPath);
}

function completeJournal(chartDir: string, journal: Journal): void {
  let renamed = 0;
  for (const { from, to } of journal.renames) {
    crashAt('rename', renamed);
    if (existsSync(join(chartDir, from))) renameSync(join(chartDir, from), join(chartDir, to));
    renamed++;
  }
  for (const path of journal.deletes) rmSync(join(chartDir, path), { force: true });
  rmSync(join(chartDir, JOURNAL_FILE), { force: true });
}

/** Completes an update a previous run committed but did not finish, or rolls back one it was
 * still preparing. Returns what it did. */
export function recoverInterruptedUpdate(chartDir: string): 'none' | 'completed' | 'rolled back' {
  const journalPath = join(chartDir, JOURNAL_FILE);
  if (!existsSync(journalPath)) return 'none';
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as Journal;
  if (journal.state === 'committed') {
    completeJournal(chartDir, journal);
    return 'completed';
  }
  for (const { from } of journal.renames) rmSync(join(chartDir, from), { force: true });
  rmSync(journalPath, { force: true });
  return 'rolled back';
}

/** A unified diff (`---`/`+++` headers) of what the changes would do to the files on disk. */
export async function unifiedDiff(chartDir: string, changes: Change[]): Promise<string> {
  const { createTwoFilesPatch } = await import('diff');
  return changes
    .map((change) => {
      const disk = readIfExists(join(chartDir, change.path));
      const binary = typeof change.content !== 'string' && change.content !== undefined;
      if (binary) return `Binary file ${change.path} ${disk === undefined ? 'added' : 'changed'}\n`;
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
