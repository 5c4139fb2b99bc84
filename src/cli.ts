// The package's own bin. With --answers it calls the core directly: no Yeoman on this path, so it
// starts about as fast as `helm create`. Without --answers it runs the Yeoman generator, loaded
// only then.
import { parseArgs } from 'node:util';
import { resolve, join } from 'node:path';
import { AnswersFileError, loadAnswersFile } from './answers/load.ts';
import { formatProblems } from './answers/validate.ts';
import { generate } from './generate.ts';
import { validateChartName } from './validators.ts';
import { applyChanges, recoverInterruptedUpdate, unifiedDiff } from './write.ts';
import { planUpdate } from './update/plan-update.ts';
import { GENERATOR_VERSION } from './version.generated.js';
import { generationWarnings } from './controllers.ts';

const USAGE = `Usage: k8s-chart --answers FILE [--output DIR] [--dry-run] [--force]
       k8s-chart               (asks the questions; needs a terminal)
       k8s-chart check [FILE|-] (checks rendered manifests against the rule set; see --rules)

Writes a Helm chart to DIR/<name>/ (DIR defaults to the current directory).
  --answers FILE  answers in YAML or JSON; nothing is asked
  --output DIR    where the chart directory goes
  --dry-run       print a unified diff of what would change; write nothing
  --force         on conflicting lines, take the generator's side; write into a chart
                  directory k8s-chart did not make
  --help, --version`;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  if (argv[0] === 'check') {
    const { runCheck } = await import('./policy/cli.ts');
    return runCheck(argv.slice(1), io, readStdin);
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        answers: { type: 'string' },
        output: { type: 'string' },
        'dry-run': { type: 'boolean' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
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
  if (values.answers === undefined) {
    if (!process.stdin.isTTY) {
      io.stderr('k8s-chart: no terminal to ask the questions: pass --answers FILE\n');
      return 2;
    }
    const { runInteractive } = await import('./interactive.ts');
    return runInteractive({ output, force: values.force ?? false });
  }

  let data: unknown;
  try {
    data = loadAnswersFile(values.answers);
  } catch (error) {
    if (error instanceof AnswersFileError) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const given = data as Record<string, unknown>;
  const name = typeof given.name === 'string' ? given.name : '';
  if (validateChartName(name) !== true) {
    // Without a usable name there is no chart directory to look at: report every problem.
    const generation = generate(given);
    io.stderr(`${generation.ok ? '' : formatProblems(generation.problems)}\n`);
    return 1;
  }
  const chartDir = join(output, name);
  const recovered = values['dry-run'] ? 'none' : recoverInterruptedUpdate(chartDir);
  if (recovered !== 'none') io.stderr(`${chartDir}: an interrupted update was ${recovered}\n`);
  const plan = planUpdate(chartDir, given, { force: values.force ?? false });
  if (!plan.ok) {
    io.stderr(`${plan.message}\n`);
    return 1;
  }
  for (const warning of generationWarnings(plan.model)) io.stderr(`${chartDir}: warning: ${warning}\n`);
  for (const path of plan.skipped) {
    io.stderr(`${join(chartDir, path)}: not applied: you deleted it, and this generation changes it\n`);
  }
  for (const { path } of plan.conflicts) {
    io.stderr(`${join(chartDir, path)}: conflicting lines take the generator's side (--force)\n`);
  }
  for (const path of plan.orphans) {
    io.stderr(`${join(chartDir, path)}: removed although you edited it: its part is switched off (--force)\n`);
  }
  if (values['dry-run']) {
    io.stdout(await unifiedDiff(chartDir, plan.changes));
    return 0;
  }
  applyChanges(chartDir, plan.changes);
  if (plan.changes.length === 0) {
    io.stdout(`${chartDir}: up to date\n`);
  } else {
    const verb = plan.update ? `updated ${plan.changes.length} files, chart version ${plan.model.version}` : `wrote ${plan.changes.length} files`;
    io.stdout(`${chartDir}: ${verb}\n`);
  }
  return 0;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
