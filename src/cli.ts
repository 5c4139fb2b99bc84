// The package's own bin. With --answers it calls the core directly: no Yeoman on this path, so it
// starts about as fast as `helm create`. Without --answers it runs the Yeoman generator, loaded
// only then.
import { parseArgs } from 'node:util';
import { readdirSync, statSync, writeSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { AnswersFileError, loadAnswersFile } from './answers/load.ts';
import { formatProblems } from './answers/validate.ts';
import { generate } from './generate.ts';
import { validateChartName } from './validators.ts';
import { unifiedDiff } from './write.ts';
import { runGeneration, RunError, type GenerationReport } from './run.ts';
import { describeConflicts } from './update/plan-update.ts';
import { nextSteps } from './next-steps.ts';
import { readRecord } from './update/snapshot.ts';
import type { ReadRecord } from './update/record.ts';
import { causeOf, DamagedRecordError, DiskError, isDiskFailure } from './disk/chart-fs.ts';
import { LockedError } from './disk/lock.ts';
import { GENERATOR_VERSION } from './version.generated.js';
import { bugMessage, failure, heldIo, indent, runBatch, startWorkers, type ChartDone, type ChartJob, type Outcome, type StartWorker } from './batch.ts';

const USAGE = `Usage: k8s-chart --answers FILE [--answers FILE ...] [--output DIR] [--dry-run] [--force]
       k8s-chart [--ask-answered] [--save-answers FILE]
                               (asks the questions; needs a terminal)
       k8s-chart check [FILE|-] (checks rendered manifests against the rule set; see --rules)

Writes a Helm chart to DIR/<name>/ (DIR defaults to the current directory).
  --answers FILE  answers in YAML or JSON, "-" for standard input, or a folder of them
                  (*.yaml, *.yml, *.json); give it again for more charts; nothing is asked
  --output DIR    where the chart directory goes
  --dry-run       print a unified diff of what would change; write nothing
  --force         on conflicting lines, take the generator's side; write into a chart
                  directory k8s-chart did not make
  --conflicts=markers  write git's conflict markers where you and the generator changed the
                  same lines (the exit code is then 1, as git merge's)
  --ask-answered  inside a chart: ask every question again, the stored answer as its default
  --save-answers FILE  after the questions, save the answers as an answers file (for CI)
  --debug         on an unexpected failure, print where it happened (also K8S_CHART_DEBUG=1)
  --help, --version`;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Text written to a standard descriptor with writeSync, which is what process.stdout does for a
 * file or a pipe on Linux and macOS, without building Node's stream objects (about 2.5 MB of memory
 * a start, and the time to touch it). A reader that closed the pipe (`k8s-chart --dry-run | head`)
 * is the reader's choice: nothing more is printed there, and the run still finishes every chart and
 * exits as it would. A descriptor set non-blocking, when full, and a Windows console (whose text
 * the stream converts) take the stream. */
function writeTo(fd: 1 | 2, stream: () => NodeJS.WriteStream): (text: string) => void {
  let viaStream = process.platform === 'win32';
  let closed = false;
  let opened: NodeJS.WriteStream | undefined;
  const streamed = (text: string | Buffer) => {
    if (!opened) {
      opened = stream();
      opened.on('error', () => (closed = true));
    }
    opened.write(text);
  };
  return (text) => {
    if (closed) return;
    if (viaStream) {
      streamed(text);
      return;
    }
    const bytes = Buffer.from(text);
    let offset = 0;
    try {
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') {
        closed = true;
        return;
      }
      if (code !== 'EAGAIN') throw error;
      viaStream = true;
      streamed(bytes.subarray(offset));
    }
  };
}

const processIo: Io = {
  stdout: writeTo(1, () => process.stdout),
  stderr: writeTo(2, () => process.stderr),
};

/** The questions' entry, which runs the Yeoman generator: the bin passes it in
 * (generators/app/interactive.ts), as nothing under src/ loads Yeoman. */
export type Interactive = () => Promise<(options: InteractiveOptions) => Promise<number>>;
export interface InteractiveOptions {
  output: string;
  force: boolean;
  askAnswered: boolean;
  saveAnswers: string | undefined;
}

export async function main(argv: string[], io: Io = processIo, interactive?: Interactive, startWorker?: StartWorker): Promise<number> {
  const debug = argv.includes('--debug') || process.env.K8S_CHART_DEBUG === '1';
  try {
    return await run(argv, io, interactive, startWorker);
  } catch (error) {
    // A failure nobody foresaw still gets one line; the stack only on request.
    if (debug) io.stderr(`${(error as Error)?.stack ?? String(error)}\n`);
    else if (isDiskFailure(error)) io.stderr(`${(error as NodeJS.ErrnoException).path ?? 'k8s-chart'}: ${causeOf(error)}\n`);
    else io.stderr(`k8s-chart: ${(error as Error)?.message ?? String(error)} (K8S_CHART_DEBUG=1 shows where)\n`);
    return 1;
  }
}

async function run(argv: string[], io: Io, interactive: Interactive | undefined, startWorker: StartWorker | undefined): Promise<number> {
  if (argv[0] === 'check') {
    const { runCheck } = await import('../check/index.ts');
    return runCheck(argv.slice(1), io, readStdin);
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        answers: { type: 'string', multiple: true },
        output: { type: 'string' },
        'dry-run': { type: 'boolean' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
        debug: { type: 'boolean' },
        conflicts: { type: 'string' },
        'ask-answered': { type: 'boolean' },
        'save-answers': { type: 'string' },
      },
    });
  } catch (error) {
    io.stderr(`k8s-chart: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values } = parsed;
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (values.version) {
    io.stdout(`${GENERATOR_VERSION}\n`);
    return 0;
  }
  const output = resolve(values.output ?? '.');
  // Each flag belongs to one way of running: say so, rather than drop it without a word.
  const misplaced =
    values.answers === undefined
      ? (['dry-run', 'conflicts'] as const).find((flag) => values[flag] !== undefined)
      : (['ask-answered', 'save-answers'] as const).find((flag) => values[flag] !== undefined);
  if (misplaced) {
    const why = values.answers === undefined ? 'goes with --answers FILE' : 'is for the questions (without --answers): the answers file already holds the answers';
    io.stderr(`k8s-chart: --${misplaced} ${why}\n${USAGE}\n`);
    return 2;
  }
  if (values.answers === undefined) {
    if (!process.stdin.isTTY || interactive === undefined) {
      io.stderr(`k8s-chart: ${interactive === undefined ? 'no questions on this path' : 'no terminal to ask the questions'}: pass --answers FILE\n`);
      return 2;
    }
    const runInteractive = await interactive();
    return runInteractive({
      output,
      force: values.force ?? false,
      askAnswered: values['ask-answered'] ?? false,
      saveAnswers: values['save-answers'] === undefined ? undefined : resolve(values['save-answers']),
    });
  }

  const files = expandAnswers(values.answers);
  if (typeof files === 'string') {
    io.stderr(`${files}\n`);
    return 1;
  }
  if (values.conflicts !== undefined && values.conflicts !== 'markers') {
    io.stderr(`k8s-chart: --conflicts takes "markers" (write git's conflict markers into the files), not "${values.conflicts}"\n`);
    return 2;
  }
  const options = { force: values.force ?? false, dryRun: values['dry-run'] ?? false, markers: values.conflicts === 'markers' };
  const batch = files.length > 1;
  // A dry run's diffs are printed once all are planned, from this thread: no workers then.
  const workers = batch && !options.dryRun ? startWorkers(files.length, startWorker) : [];
  // Run inside a chart it made, without --output, one answers file updates that chart in place, as
  // `yo k8s-chart` does there (never a chart nested inside it).
  const found = values.output === undefined && files.length === 1 ? readRecord(process.cwd()) : undefined;
  // A newer k8s-chart's chart is refused here too, whether or not its name can be read from it.
  if (found?.kind === 'newer' && !options.force) {
    io.stderr(`${found.message}\n`);
    return 1;
  }
  const here = found && chartHere(found);
  let loaded: Loaded[];
  try {
    loaded = files.map(({ file, listed }) => loadOne(file, here?.name, listed));
  } catch (error) {
    for (const worker of workers) worker.close();
    throw error;
  }
  // Two answers files for one chart would overwrite each other: neither is written.
  const byChart = new Map<string, string[]>();
  for (const entry of loaded) if (entry.ok) byChart.set(entry.name, [...(byChart.get(entry.name) ?? []), entry.file]);
  for (const [name, sharing] of byChart) {
    if (sharing.length > 1) io.stderr(`k8s-chart: ${sharing.join(', ')} all give the chart name "${name}"; none of them is written\n`);
  }
  const chartDirOf = (name: string) => (here ? process.cwd() : join(output, name));
  let outcomes: Outcome[];
  if (!batch) {
    const entry = loaded[0]!;
    if (!entry.ok) io.stderr(`${entry.message}\n`);
    outcomes = [entry.ok ? await generateOne(chartDirOf(entry.name), entry.data, options, io, undefined) : 'refused'];
  } else {
    const entries = loaded.map((entry): ChartJob | ChartDone => {
      if (!entry.ok) return { outcome: 'refused', lines: [[2, `${indent(entry.file, entry.message)}\n`]] };
      if (byChart.get(entry.name)!.length > 1) return { outcome: 'refused', lines: [] };
      return { chartDir: chartDirOf(entry.name), given: entry.data, options, file: entry.file };
    });
    outcomes = await runBatch(entries, runChartJob, io, workers);
  }
  const tally = { written: 0, updated: 0, 'up to date': 0, refused: 0 };
  for (const outcome of outcomes) tally[outcome === 'marked' ? 'updated' : outcome]++;
  const marked = outcomes.filter((outcome) => outcome === 'marked').length;
  if (options.dryRun) {
    for (const text of pendingDiffs.splice(0)) io.stdout(await text);
  }
  if (batch) {
    io.stdout(`k8s-chart: ${Object.entries(tally).map(([what, count]) => `${count} ${what}`).join(', ')}\n`);
  }
  return tally.refused || marked ? 1 : 0;
}

type Loaded = { ok: true; file: string; name: string; data: Record<string, unknown> } | { ok: false; file: string; message: string };

/** `--answers` as given: files, "-" for standard input, or folders of *.yaml, *.yml, *.json. */
/** The answers files given, and those found by listing a folder (`listed`: only regular files are
 * read of them). */
function expandAnswers(given: string[]): Array<{ file: string; listed: boolean }> | string {
  const files: Array<{ file: string; listed: boolean }> = [];
  for (const path of given) {
    if (path === '-' || !isFolder(path)) {
      files.push({ file: path, listed: false });
      continue;
    }
    // Hidden files are no answers files (an editor's lock link, a chart's .yo-rc.json), as in a glob.
    const inside = readdirSync(path)
      .filter((name) => /\.(ya?ml|json)$/.test(name) && !name.startsWith('.'))
      .sort()
      .map((name) => join(path, name));
    if (inside.length === 0) return `${path}: no answers files (*.yaml, *.yml, *.json) in this folder`;
    for (const file of inside) files.push({ file, listed: true });
  }
  return files;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The chart a folder is, by what its record says, when k8s-chart made it: its stored name. */
function chartHere(found: ReadRecord): { name: string } | undefined {
  const name = found.kind === 'ours' ? found.record.answers.name : found.kind === 'newer' ? found.name : undefined;
  return typeof name === 'string' ? { name } : undefined;
}

function loadOne(file: string, storedName: string | undefined, listed: boolean): Loaded {
  let data: Record<string, unknown>;
  try {
    data = loadAnswersFile(file, undefined, { regularOnly: listed }) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof AnswersFileError) return { ok: false, file, message: error.message };
    throw error;
  }
  if (storedName !== undefined && data.name !== undefined && data.name !== storedName) {
    return { ok: false, file, message: `name: this folder is the chart "${storedName}"; the answers name "${String(data.name)}" (run from the parent folder, or pass --output, for another chart)` };
  }
  const name = typeof data.name === 'string' ? data.name : (storedName ?? '');
  if (validateChartName(name) !== true) {
    // Without a usable name there is no chart directory to look at: report every problem.
    const generation = generate(data);
    return { ok: false, file, message: generation.ok ? 'name: required' : formatProblems(generation.problems) };
  }
  return { ok: true, file, name, data };
}

/** One chart of a batch, its lines held for the batch to print in order (here or in a worker). */
export async function runChartJob(job: ChartJob): Promise<ChartDone> {
  const { io, lines } = heldIo();
  return { outcome: await generateOne(job.chartDir, job.given, job.options, io, job.file), lines };
}

/** A worker thread's side of a batch: the charts it is sent, one after the other, each answered
 * with what its run said. */
export function serveChartJobs(port: { on(event: 'message', listener: (job: ChartJob) => void): void; postMessage(done: ChartDone): void }): void {
  let previous: Promise<unknown> = Promise.resolve();
  port.on('message', (job) => {
    previous = previous
      .then(() => runChartJob(job))
      .catch((error: unknown) => failure(job, error))
      .then((done) => port.postMessage(done));
  });
}

/** Diffs of a dry run, printed once every chart was planned. */
const pendingDiffs: Array<Promise<string>> = [];

/** One chart of the batch through runGeneration, and its report on the terminal. */
async function generateOne(
  chartDir: string,
  given: Record<string, unknown>,
  options: { force: boolean; dryRun: boolean; markers: boolean },
  io: Io,
  file: string | undefined,
): Promise<Outcome> {
  let report: GenerationReport;
  try {
    report = await runGeneration({ chartDir, given, ...options });
  } catch (error) {
    // In a batch, one chart's failure is its own: the others are still written and counted.
    if (!isUserError(error) && !file) throw error;
    const message = isUserError(error) ? (error as Error).message : bugMessage(error);
    io.stderr(`${file ? indent(file, message) : message}\n`);
    return 'refused';
  }
  const { plan } = report;
  if (report.recovered !== 'none') {
    io.stderr(`${chartDir}: an interrupted update ${options.dryRun ? `would be ${report.recovered} first` : `was ${report.recovered}`}\n`);
  }
  for (const warning of report.warnings) io.stderr(`${chartDir}: warning: ${warning}\n`);
  for (const path of plan.skipped) io.stderr(`${join(chartDir, path)}: not applied: you deleted it, and this generation changes it\n`);
  if (!options.markers) {
    for (const { path } of plan.conflicts) io.stderr(`${join(chartDir, path)}: conflicting lines take the generator's side (--force)\n`);
  }
  for (const path of plan.orphans) io.stderr(`${join(chartDir, path)}: removed although you edited it: its part is switched off (--force)\n`);
  if (options.dryRun) {
    pendingDiffs.push(plan.changes.length ? unifiedDiff(chartDir, plan.changes, report.rolledBack) : Promise.resolve(`${chartDir}: up to date\n`));
    return plan.changes.length === 0 ? 'up to date' : plan.update ? 'updated' : 'written';
  }
  if (report.written.length === 0) {
    io.stdout(`${chartDir}: up to date\n`);
    return 'up to date';
  }
  const own = report.files.filter((entry) => !entry.record);
  if (plan.update && own.length === 0) {
    // Only k8s-chart's records change (a base kept in another format): said so, commit them too.
    io.stdout(`${chartDir}: no chart file changed; k8s-chart's records changed (${report.files.map((entry) => entry.path).join(', ')})\n`);
    return 'updated';
  }
  const verb = plan.update ? `updated ${own.length} files, chart version ${plan.model.version}` : `wrote ${report.written.length} files`;
  io.stdout(`${chartDir}: ${verb}\n`);
  if (plan.update && !file) {
    const kept = `  kept ${report.kept} file${report.kept === 1 ? '' : 's'} as they were`;
    io.stdout(`${[...own.map((entry) => `  ${entry.action} ${entry.path}`), kept].join('\n')}\n`);
  }
  const marked = options.markers && plan.conflicts.length > 0;
  if (!file && !marked) io.stdout(`${nextSteps(plan.model, chartDir, process.cwd(), plan.update)}\n`);
  if (marked) {
    for (const { path, conflicts } of plan.conflicts) io.stderr(`${describeConflicts(join(chartDir, path), conflicts)}\n`);
    io.stderr(`${chartDir}: conflict markers written into ${plan.conflicts.length} file(s): resolve them, then run again\n`);
    return 'marked';
  }
  return plan.update ? 'updated' : 'written';
}

/** Failures that are the user's to mend, said in one line; anything else is a bug. */
function isUserError(error: unknown): boolean {
  return error instanceof RunError || error instanceof DiskError || error instanceof DamagedRecordError || error instanceof LockedError;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
