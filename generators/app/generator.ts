// The generator behind `yo k8s-chart` (index.ts loads it once Node is new enough): asks what the
// answers do not hold yet, then writes the chart. The generator only prompts and writes;
// validation, the model and the files come from src/.
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import Generator from 'yeoman-generator';
import { AnswersFileError, loadAnswersFile } from '../../src/answers/load.ts';
import { formatProblems } from '../../src/answers/validate.ts';
import { generate } from '../../src/generate.ts';
import { generationWarnings } from '../../src/controllers.ts';
import { askQuestions } from '../../src/prompts.ts';
import { validateChartName } from '../../src/validators.ts';
import { readRecord } from '../../src/update/record.ts';
import { migrateAnswers } from '../../src/update/migrate.ts';
import { openRun, type OpenRun } from '../../src/run.ts';
import { nextSteps } from '../../src/next-steps.ts';

/**
 * Whether the environment's adapter can get answers: a terminal adapter only when its input is a
 * terminal (on a pipe or /dev/null, inquirer would wait forever or fail on end of input); an adapter
 * that reads no input stream at all (yeoman-test's, which answers from mocked answers) always.
 * Yeoman wraps the adapter in a QueuedAdapter that keeps the real one as `actualAdapter`.
 */
export function adapterCanAsk(adapter: unknown): boolean {
  const actual = (adapter as { actualAdapter?: unknown } | undefined)?.actualAdapter ?? adapter;
  if (actual === undefined || actual === null) return false;
  const stdin = (actual as { stdin?: { isTTY?: boolean } }).stdin;
  return stdin === undefined ? true : stdin.isTTY === true;
}

export default class K8sChartGenerator extends Generator {
  private chartRun: OpenRun | undefined;
  private chartDir = '';
  private askConflicts = false;

  constructor(args: string[], options: ConstructorParameters<typeof Generator>[1]) {
    // The chart has no package.json to install: no install step, and no "No change to package.json" line.
    super(args, options, { customInstallTask: true });
    this.option('answers', { type: String, description: 'Answers file (YAML or JSON); nothing is asked' });
  }

  async prompting(): Promise<void> {
    const file = (this.options as { answers?: string }).answers;
    const force = (this.options as { force?: boolean }).force === true;
    // Run inside a chart this generator made, it updates that chart in place, asking only what
    // its .yo-rc.json does not hold.
    const found = readRecord(this.destinationRoot());
    const inPlace = found.kind === 'ours' || found.kind === 'damaged';
    const stored = found.kind === 'ours' ? migrateAnswers(found.record.answers, found.record.version) : {};
    let data: Record<string, unknown> = {};
    let asked = false;
    if (file !== undefined) {
      try {
        // Relative to where the user ran yo, not to the destination root: the file may live anywhere.
        data = loadAnswersFile(resolve(this.contextRoot, file)) as Record<string, unknown>;
      } catch (error) {
        if (error instanceof AnswersFileError) throw new Error(error.message);
        throw error;
      }
    } else if (adapterCanAsk(this.env.adapter)) {
      data = await askQuestions((questions) => this.prompt(questions as never), stored);
      asked = true;
    }
    const name = typeof data.name === 'string' ? data.name : typeof stored.name === 'string' ? stored.name : '';
    if (validateChartName(name) !== true) {
      // Without a way to ask (no terminal), a missing answer is an error, never a hang.
      const generation = generate(data);
      const hint = file === undefined && !asked ? '\nno terminal to ask the questions: pass --answers FILE' : '';
      throw new Error((generation.ok ? '' : formatProblems(generation.problems)) + hint);
    }
    this.chartDir = inPlace ? this.destinationRoot() : this.destinationPath(name);
    // Interactively, lines both sides changed go to Yeoman's own conflict choice.
    this.askConflicts = asked && !force;
    // Takes the chart's lock until writing is done; the plan is made under it.
    this.chartRun = openRun(this.chartDir, data, { force: force || this.askConflicts });
    for (const warning of generationWarnings(this.chartRun.plan.model)) this.log.info(`warning: ${warning}`);
    for (const path of this.chartRun.plan.skipped) this.log.info(`${path}: not applied: you deleted it, and this generation changes it`);
  }

  async writing(): Promise<void> {
    const run = this.chartRun!;
    const { plan } = run;
    // Everything is written under the journal (src/write.ts): never half done, and no link inside
    // the chart is followed. Files with conflicting lines, when the user can be asked, go through
    // Yeoman's conflict choice instead; an edited file of a part now switched off is removed only
    // if the user says so.
    const asked = new Set(this.askConflicts ? plan.conflicts.map((conflict) => conflict.path) : []);
    try {
      if (this.askConflicts) {
        for (const path of plan.orphans) {
          const { removeOrphan } = await this.prompt<{ removeOrphan: boolean }>([
            { type: 'confirm', name: 'removeOrphan', message: `${path}: you edited it, and its part is now switched off. Remove it?`, default: true },
          ] as never);
          if (!removeOrphan) asked.add(path);
        }
      }
    } catch (error) {
      run.close();
      throw error;
    }
    const written = plan.changes.filter((change) => !asked.has(change.path));
    const existed = new Set(written.filter((change) => existsSync(join(this.chartDir, change.path))).map((change) => change.path));
    run.write(written);
    // Said as Yeoman says what it writes, relative to where yo runs.
    for (const change of written) {
      const shown = relative(this.destinationRoot(), join(this.chartDir, change.path)) || change.path;
      if (change.content === undefined) this.log.removed(shown);
      else if (existed.has(change.path)) this.log.force(shown);
      else this.log.create(shown);
    }
    for (const change of plan.changes) {
      if (asked.has(change.path) && change.content !== undefined) this.fs.write(join(this.chartDir, change.path), change.content);
    }
    if (plan.update) {
      this.log.info(plan.changes.length ? `${this.chartDir}: chart version ${plan.model.version}` : `${this.chartDir}: up to date`);
    }
    if (written.length) this.log(nextSteps(plan.model, this.chartDir, this.contextRoot));
  }
}
