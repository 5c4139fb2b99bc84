// Many charts in one call, across threads: the main thread and a few workers (each running the
// bin's bundle, bin/k8s-chart.ts) take the next chart from one queue. Each chart's lines are held
// and printed in the order of the answers files, so the output reads as one thread's would, and a
// worker that fails costs only the charts it held, each reported as refused.
import { availableParallelism } from 'node:os';
import type { Io } from './cli.ts';

export type Outcome = 'written' | 'updated' | 'up to date' | 'refused' | 'marked';

/** One chart to write: plain data, so it crosses to a worker as it is. */
export interface ChartJob {
  chartDir: string;
  given: Record<string, unknown>;
  options: { force: boolean; dryRun: boolean; markers: boolean };
  /** The answers file, named in every line about it. */
  file: string;
}

/** What a chart's run said, line by line (1: stdout, 2: stderr), and how it ended. */
export interface ChartDone {
  outcome: Outcome;
  lines: Array<[1 | 2, string]>;
}

/** A worker thread that writes charts, one at a time, in the order given. */
export interface ChartWorker {
  run(job: ChartJob): Promise<ChartDone>;
  close(): void;
}

/** Starts a worker (the bin's); undefined where none can be started. */
export type StartWorker = () => ChartWorker | undefined;

/** Below this many charts, a worker's start (a copy of the program to load) costs more than it saves. */
const WORKER_THRESHOLD = 8;
/** Charts a worker holds at once, so it never waits for the main thread between two. */
const IN_FLIGHT = 2;

/** An Io that holds the lines, to be printed later in the batch's order. */
export function heldIo(): { io: Io; lines: ChartDone['lines'] } {
  const lines: ChartDone['lines'] = [];
  return { io: { stdout: (text) => lines.push([1, text]), stderr: (text) => lines.push([2, text]) }, lines };
}

/** A message about one answers file, each line led by the file's name (unless it names it already). */
export const indent = (file: string, message: string) =>
  message.startsWith(`${file}:`) ? message : message.split('\n').map((line) => `${file}: ${line}`).join('\n');

/** What a chart's run failed with when it is nobody's answer, but a bug. */
export const bugMessage = (error: unknown) => `k8s-chart failed on this chart (a bug; please report it): ${(error as Error)?.message ?? String(error)}`;

/** A chart's failure that is nobody's answer: its own line, and the batch goes on. */
export function failure(job: ChartJob, error: unknown): ChartDone {
  return { outcome: 'refused', lines: [[2, `${indent(job.file, bugMessage(error))}\n`]] };
}

/** The workers for a batch of this many charts: none below the threshold, else one fewer than the
 * processors, at most three. Started before the answers are read, so they load while it reads. */
export function startWorkers(charts: number, startWorker: StartWorker | undefined): ChartWorker[] {
  const count = charts >= WORKER_THRESHOLD && startWorker ? Math.min(availableParallelism() - 1, 3) : 0;
  const workers: ChartWorker[] = [];
  for (let i = 0; i < count; i++) {
    const worker = startWorker!();
    if (worker) workers.push(worker);
  }
  return workers;
}

/** Runs the jobs among the entries (the others are answers already refused, with their lines) here
 * and on the workers, prints every entry's lines in the entries' order, closes the workers, and
 * returns each entry's outcome. */
export async function runBatch(
  entries: Array<ChartJob | ChartDone>,
  runHere: (job: ChartJob) => Promise<ChartDone>,
  io: Io,
  workers: ChartWorker[] = [],
): Promise<Outcome[]> {
  const settle = entries.map((entry) => {
    let resolve!: (done: ChartDone) => void;
    const promise = 'outcome' in entry ? Promise.resolve(entry) : new Promise<ChartDone>((ok) => (resolve = ok));
    return { promise, resolve };
  });
  const jobs = entries.flatMap((entry, index) => ('outcome' in entry ? [] : [{ job: entry, index }]));
  let next = 0;
  const take = () => (next < jobs.length ? next++ : undefined);
  for (const worker of workers) {
    let held = 0;
    let failed = false;
    const feed = () => {
      while (!failed && held < IN_FLIGHT) {
        const i = take();
        if (i === undefined) return;
        const { job, index } = jobs[i]!;
        held++;
        worker.run(job).then(
          (done) => {
            held--;
            settle[index]!.resolve(done);
            feed();
          },
          (error: unknown) => {
            failed = true;
            settle[index]!.resolve(failure(job, error));
          },
        );
      }
    };
    feed();
  }
  const here = (async () => {
    for (let i = take(); i !== undefined; i = take()) {
      const { job, index } = jobs[i]!;
      settle[index]!.resolve(await runHere(job).catch((error: unknown) => failure(job, error)));
      // Let the workers' messages in: a finished chart gets the worker its next one.
      if (workers.length) await new Promise((ok) => setImmediate(ok));
    }
  })();
  const outcomes: Outcome[] = [];
  for (const { promise } of settle) {
    const done = await promise;
    for (const [stream, text] of done.lines) (stream === 1 ? io.stdout : io.stderr)(text);
    outcomes.push(done.outcome);
  }
  await here;
  for (const worker of workers) worker.close();
  return outcomes;
}
