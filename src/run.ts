// One generation into one chart directory, the one flow of the bin and the Yeoman generator: take
// the chart's lock, finish or roll back an interrupted run, read the chart as a snapshot, plan
// (three-way merge, pure), write (a chart not there yet: written aside, renamed into place), and
// say what was done as data for the caller to show. Every
// failure is a RunError or one of chart-fs's one-line errors; nothing is half written.
import { lockChart, type Lock } from './disk/lock.ts';
import { planUpdate, type UpdatePlan, type UpdateOptions } from './update/plan-update.ts';
import { readChartSnapshot, unreadPaths } from './update/snapshot.ts';
import { isRecordFile } from './update/record.ts';
import { applyChanges, filesRolledBack, readJournal, recoverInterruptedUpdate, writeFreshChart, type Change } from './write.ts';
import { checkChartDir, entryKind } from './disk/chart-fs.ts';
import { generationWarnings } from './controllers.ts';

export type ReadyPlan = Extract<UpdatePlan, { ok: true }>;

/** Answers or a chart that the run refuses: the message is for the user, as it is. */
export class RunError extends Error {}

export interface GenerationRequest extends UpdateOptions {
  chartDir: string;
  /** The answers given (an answers file's, or the questions'); the chart's stored ones fill the rest. */
  given: Record<string, unknown>;
  /** Plan only: no lock is taken, nothing is repaired or written. */
  dryRun?: boolean;
  /** Under the lock, between planning and writing: which of the planned changes to write (the
   * Yeoman generator asks here about files it hands to its own conflict choice). All by default. */
  choose?: (plan: ReadyPlan) => Promise<Change[]> | Change[];
}

export interface WrittenFile {
  path: string;
  action: 'created' | 'updated' | 'removed';
  /** One of the records k8s-chart keeps of itself (.yo-rc.json, .k8s-chart/), not the chart's own. */
  record: boolean;
}

export interface GenerationReport {
  chartDir: string;
  plan: ReadyPlan;
  /** What was done (in a dry run: would be done) with an interrupted run found in the chart. */
  recovered: ReturnType<typeof recoverInterruptedUpdate>;
  /** In a dry run, the files that roll back would remove: planned as missing. */
  rolledBack: ReadonlySet<string>;
  /** The changes written (in a dry run: to be written). */
  written: Change[];
  /** The same, file by file, as the user reads them. */
  files: WrittenFile[];
  /** How many of the chart's own generated files were kept as they were. */
  kept: number;
  warnings: string[];
}

/** What a real run would do with the journal of an interrupted one, and the files its roll back
 * would remove; a dry run only reads it. */
function pendingRecovery(chartDir: string): { recovered: GenerationReport['recovered']; rolledBack: Set<string> } {
  checkChartDir(chartDir);
  const pending = entryKind(chartDir, '.k8s-chart') === 'directory' ? readJournal(chartDir) : undefined;
  if (pending === undefined) return { recovered: 'none', rolledBack: new Set() };
  return { recovered: pending.state === 'committed' ? 'completed' : 'rolled back', rolledBack: filesRolledBack(chartDir, pending) };
}

export async function runGeneration(request: GenerationRequest): Promise<GenerationReport> {
  const { chartDir, dryRun = false } = request;
  // Where there is no chart yet, it is written aside and renamed into place whole (writeFreshChart):
  // there is nothing to lock or to recover in it before then.
  const fresh = !dryRun && checkChartDir(chartDir) === 'missing';
  const lock: Lock | undefined = dryRun || fresh ? undefined : lockChart(chartDir);
  try {
    const { recovered, rolledBack } = lock ? { recovered: recoverInterruptedUpdate(chartDir, { discard: request.force }), rolledBack: undefined } : pendingRecovery(chartDir);
    let snapshot = readChartSnapshot(chartDir, [], rolledBack);
    let plan = planUpdate(snapshot, request.given, request);
    // A plan may name files the snapshot did not read (a component's): read them, and plan again,
    // so a file of the user's at such a path is merged with, never taken for a new one.
    const unread = plan.ok ? unreadPaths(snapshot, plan.generated) : [];
    if (unread.length) {
      snapshot = readChartSnapshot(chartDir, unread, rolledBack);
      plan = planUpdate(snapshot, request.given, request);
    }
    if (!plan.ok) throw new RunError(plan.message);
    const written = dryRun || !request.choose ? plan.changes : await request.choose(plan);
    if (fresh) writeFreshChart(chartDir, written);
    else if (!dryRun) applyChanges(chartDir, written);
    const changed = new Set(plan.changes.map((change) => change.path));
    return {
      chartDir,
      plan,
      recovered,
      rolledBack: rolledBack ?? new Set(),
      written,
      files: written.map((change) => ({
        path: change.path,
        action: change.content === undefined ? 'removed' : snapshot.files.has(change.path) ? 'updated' : 'created',
        record: isRecordFile(change.path),
      })),
      kept: plan.generated.filter((path) => !isRecordFile(path) && !changed.has(path)).length,
      warnings: [...plan.warnings, ...generationWarnings(plan.model)],
    };
  } finally {
    lock?.release({ tidy: true });
  }
}
