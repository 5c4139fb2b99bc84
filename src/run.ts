// One generation into one chart directory, shared by the bin and the Yeoman generator: take the
// chart's lock, finish or roll back an interrupted run, plan (three-way merge), then write. Every
// failure is a RunError or one of chart-fs's one-line errors; nothing is half written.
import { lockChart, type Lock } from './disk/lock.ts';
import { planUpdate, type UpdatePlan, type UpdateOptions } from './update/plan-update.ts';
import { readChartSnapshot } from './update/snapshot.ts';
import { applyChanges, readJournal, recoverInterruptedUpdate, type Change } from './write.ts';
import { checkChartDir, entryKind } from './disk/chart-fs.ts';

export type ReadyPlan = Extract<UpdatePlan, { ok: true }>;

/** Answers or a chart that the run refuses: the message is for the user, as it is. */
export class RunError extends Error {}

export interface OpenRun {
  plan: ReadyPlan;
  /** What was done with an interrupted run found in the chart. */
  recovered: ReturnType<typeof recoverInterruptedUpdate>;
  /** Writes these changes (the plan's, or fewer) under the journal, then gives the lock back. */
  write(changes?: Change[]): void;
  /** Gives the lock back without writing. */
  close(): void;
}

/** Locks the chart and plans the generation; the caller then writes or closes. A dry run takes no
 * lock and repairs nothing: it only reads. */
export function openRun(chartDir: string, given: Record<string, unknown>, options: UpdateOptions & { dryRun?: boolean } = {}): OpenRun {
  if (options.dryRun) checkChartDir(chartDir);
  const lock: Lock | undefined = options.dryRun ? undefined : lockChart(chartDir);
  try {
    // A dry run only reads: the journal is checked, and what a real run would do with it is said.
    const pending = options.dryRun && entryKind(chartDir, '.k8s-chart') === 'directory' ? readJournal(chartDir) : undefined;
    const recovered = options.dryRun
      ? pending === undefined ? 'none' : pending.state === 'committed' ? 'completed' : 'rolled back'
      : recoverInterruptedUpdate(chartDir, { discard: options.force });
    const plan = planUpdate(readChartSnapshot(chartDir), given, options);
    if (!plan.ok) throw new RunError(plan.message);
    return {
      plan,
      recovered,
      write(changes = plan.changes) {
        try {
          applyChanges(chartDir, changes);
        } finally {
          lock?.release({ tidy: true });
        }
      },
      close() {
        lock?.release({ tidy: true });
      },
    };
  } catch (error) {
    lock?.release({ tidy: true });
    throw error;
  }
}
