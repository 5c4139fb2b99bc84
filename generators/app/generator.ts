// The generator behind `yo k8s-chart` (index.ts loads it once Node is new enough): asks what the
// answers do not hold yet, then writes the chart. The generator only prompts and writes;
// validation, the model and the files come from src/.
import { DiskError, entryKind } from '../../src/disk/chart-fs.ts';
import { join, relative, resolve } from 'node:path';
import Generator from 'yeoman-generator';
import { AnswersFileError, loadAnswersFile } from '../../src/answers/load.ts';
import { formatProblems } from '../../src/answers/validate.ts';
import { generate } from '../../src/generate.ts';
import { SECTIONS, type Section } from '../../src/prompts.ts';
import { askQuestions } from '../../src/parts/questions.ts';
import { askMoreComponents } from '../../src/parts/components/questions.ts';
import { replacing } from '../../src/answers/data.ts';
import { saveAnswersFile } from '../../src/answers/save.ts';
import { dump } from 'js-yaml';
import { validateChartName } from '../../src/validators.ts';
import { RECORD_FILE } from '../../src/update/record.ts';
import { readRecord } from '../../src/update/snapshot.ts';
import { migrateAnswers } from '../../src/update/migrate.ts';
import { runGeneration, RunError, type GenerationReport, type ReadyPlan } from '../../src/run.ts';
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

/** The review's question, named per round so a test can answer each round differently. */
const reviewName = (round: number) => (round === 1 ? 'review' : `review${round}`);

// Yeoman runs every method of the class whose name does not start with "_" as a task: helpers do.
/** Yeoman reads `<destination>/.yo-rc.json` itself, as it constructs the generator, and follows a
 * link there (or waits on a FIFO): a chart's record that is not a plain file is refused first. */
function refuseLinkedRecord<T>(options: T): T {
  const given = options as { destinationRoot?: string; env?: { cwd?: string } } | undefined;
  const dir = given?.destinationRoot ?? given?.env?.cwd ?? process.cwd();
  // entryKind refuses a link and anything but a file or a folder; a folder is no record either.
  if (entryKind(dir, RECORD_FILE) === 'directory') throw new DiskError(join(dir, RECORD_FILE), 'is not a regular file');
  return options;
}

export default class K8sChartGenerator extends Generator {
  /** What writing generates: the answers given (the stored ones fill the rest), and --force. */
  // Protected: the component generator (generators/component/) asks its own questions and writes
  // through this class's writing().
  protected given: Record<string, unknown> = {};
  protected force = false;
  protected chartDir = '';
  protected askConflicts = false;
  private asked = false;
  private cancelled = false;

  constructor(args: string[], options: ConstructorParameters<typeof Generator>[1]) {
    // The chart has no package.json to install: no install step, and no "No change to package.json" line.
    super(args, refuseLinkedRecord(options), { customInstallTask: true });
    this.option('answers', { type: String, description: 'Answers file (YAML or JSON); nothing is asked' });
    this.option('save-answers', { type: String, description: 'Also save the answers as an answers file, for `k8s-chart --answers FILE` in CI' });
  }

  /** Yeoman's own --ask-answered: it honours it only for answers stored through its `storage`
   * argument, so the generator reads it: every question again, the stored answer as its default. */
  protected get askAnswered(): boolean {
    const options = this.options as { askAnswered?: boolean; 'ask-answered'?: boolean };
    return options.askAnswered === true || options['ask-answered'] === true;
  }

  async prompting(): Promise<void> {
    const file = (this.options as { answers?: string }).answers;
    const force = (this.options as { force?: boolean }).force === true;
    // Run inside a chart this generator made, it updates that chart in place, asking only what
    // its .yo-rc.json does not hold.
    const found = readRecord(this.destinationRoot());
    // Written over only on purpose: the records of a newer k8s-chart may say what this one cannot read.
    if (found.kind === 'newer' && !force) throw new Error(found.message);
    const inPlace = found.kind === 'ours' || found.kind === 'damaged' || found.kind === 'newer';
    const stored = found.kind === 'ours' ? migrateAnswers(found.record.answers, found.record.version) : {};
    let data: Record<string, unknown> = {};
    if (file !== undefined) {
      try {
        // Relative to where the user ran yo, not to the destination root: the file may live anywhere.
        data = loadAnswersFile(resolve(this.contextRoot, file)) as Record<string, unknown>;
      } catch (error) {
        if (error instanceof AnswersFileError) throw new Error(error.message);
        throw error;
      }
    } else if (adapterCanAsk(this.env.adapter)) {
      await this._askAndReview(stored, inPlace, force);
      return;
    }
    const name = typeof data.name === 'string' ? data.name : typeof stored.name === 'string' ? stored.name : '';
    if (validateChartName(name) !== true) {
      // Without a way to ask (no terminal), a missing answer is an error, never a hang.
      const generation = generate(data);
      const hint = file === undefined ? '\nno terminal to ask the questions: pass --answers FILE' : '';
      throw new Error((generation.ok ? '' : formatProblems(generation.problems)) + hint);
    }
    this.chartDir = inPlace ? this.destinationRoot() : this.destinationPath(name);
    this.given = data;
    this.force = force;
  }

  /**
   * The questions, then a review of the answers and of the files that will change: the user
   * writes, goes back to a section (its questions asked again, the answers so far as defaults),
   * or cancels. Nothing is written before the user says so.
   */
  private async _askAndReview(stored: Record<string, unknown>, inPlace: boolean, force: boolean): Promise<void> {
    const prompt = (questions: unknown[]) => this.prompt(questions as never) as Promise<Record<string, unknown>>;
    this.asked = true;
    // Interactively, lines both sides changed go to Yeoman's own conflict choice.
    this.askConflicts = !force;
    let answers = await askQuestions(prompt, stored, this.askAnswered ? { again: 'all' } : {});
    const added = await askMoreComponents(prompt, answers as Record<string, unknown>);
    if (Object.keys(added).length) answers = { ...answers, components: { ...answers.components, ...added } };
    let given: Record<string, unknown> = {};
    for (let round = 1; ; round++) {
      const name = String(answers.name ?? '');
      this.chartDir = inPlace ? this.destinationRoot() : this.destinationPath(name);
      let problems = '';
      let planned: GenerationReport | undefined;
      given = replacing(stored, answers as Record<string, unknown>);
      try {
        // Planned only, to be reviewed: no lock is taken and nothing is touched until the user says so.
        planned = await runGeneration({ chartDir: this.chartDir, given, force: true, dryRun: true });
      } catch (error) {
        if (!(error instanceof RunError)) throw error;
        problems = error.message;
      }
      this.log(this._review(answers as Record<string, unknown>, planned, problems));
      const write = 'write the chart';
      const cancel = 'cancel: write nothing';
      const choices = [...(problems ? [] : [write]), ...SECTIONS.map((section) => `change: ${section}`), cancel];
      const { [reviewName(round)]: choice } = await prompt([
        { type: 'select', name: reviewName(round), message: problems ? 'Go back to a section to mend it' : 'Write it, or change a section first?', choices: choices.map((value) => ({ name: value, value })), default: problems ? cancel : write },
      ]);
      if (choice === write) break;
      if (choice === cancel || typeof choice !== 'string' || !choice.startsWith('change: ')) {
        if (problems) throw new Error(problems);
        this.cancelled = true;
        this.log.info('cancelled: nothing was written');
        return;
      }
      answers = await askQuestions(prompt, answers, { again: new Set([choice.slice('change: '.length) as Section]) });
    }
    // Writing plans again, under the chart's lock.
    this.given = given;
    this.force = true;
  }

  /** The answers in force and what writing them changes, said before anything is written. */
  private _review(answers: Record<string, unknown>, planned: GenerationReport | undefined, problems: string): string {
    const shown = relative(this.contextRoot, this.chartDir) || '.';
    const lines = ['', 'Review:', ...dump(JSON.parse(JSON.stringify(answers)), { lineWidth: -1 }).trimEnd().split('\n').map((line) => `  ${line}`)];
    if (problems || !planned) return [...lines, '', 'These answers are refused:', ...problems.split('\n').map((line) => `  ${line}`), ''].join('\n');
    const { plan } = planned;
    if (!plan.update) return [...lines, '', `Writes ${plan.changes.length} files into ${shown}/`, ''].join('\n');
    if (plan.changes.length === 0) return [...lines, '', `${shown}: up to date, no file changes`, ''].join('\n');
    const verb = { created: 'create', updated: 'update', removed: 'remove' } as const;
    return [...lines, '', `Changes in ${shown}/ (chart version ${plan.model.version}):`, ...planned.files.map((file) => `  ${verb[file.action]} ${file.path}`), ''].join('\n');
  }

  async writing(): Promise<void> {
    if (this.cancelled) return;
    // Files with conflicting lines, when the user can be asked, go through Yeoman's conflict choice
    // instead of the journal; an edited file of a part now switched off is removed only if the
    // user says so.
    const asked = new Set<string>();
    const choose = async (plan: ReadyPlan) => {
      if (this.askConflicts) {
        for (const { path } of plan.conflicts) asked.add(path);
        for (const path of plan.orphans) {
          const { removeOrphan } = await this.prompt<{ removeOrphan: boolean }>([
            { type: 'confirm', name: 'removeOrphan', message: `${path}: you edited it, and its part is now switched off. Remove it?`, default: true },
          ] as never);
          if (!removeOrphan) asked.add(path);
        }
      }
      return plan.changes.filter((change) => !asked.has(change.path));
    };
    // Everything else is written under the journal (src/write.ts): never half done, and no link
    // inside the chart is followed.
    const report = await runGeneration({ chartDir: this.chartDir, given: this.given, force: this.force, choose });
    const { plan } = report;
    for (const warning of report.warnings) this.log.info(`warning: ${warning}`);
    for (const path of plan.skipped) this.log.info(`${path}: not applied: you deleted it, and this generation changes it`);
    // Said as Yeoman says what it writes, relative to where yo runs.
    for (const file of report.files) {
      const shown = relative(this.destinationRoot(), join(this.chartDir, file.path)) || file.path;
      if (file.action === 'removed') this.log.removed(shown);
      else if (file.action === 'updated') this.log.force(shown);
      else this.log.create(shown);
    }
    for (const change of plan.changes) {
      if (asked.has(change.path) && change.content !== undefined) this.fs.write(join(this.chartDir, change.path), change.content);
    }
    if (plan.update) {
      this.log.info(plan.changes.length ? `${this.chartDir}: chart version ${plan.model.version}` : `${this.chartDir}: up to date`);
    }
    if (report.written.length) this.log(nextSteps(plan.model, this.chartDir, this.contextRoot, plan.update));
    await this._saveAnswers(plan.answers);
  }

  /** --save-answers FILE, or, after the questions, the offer to save them: the same chart again in
   * CI with `npx k8s-chart --answers FILE`. */
  private async _saveAnswers(answers: Record<string, unknown>): Promise<void> {
    const options = this.options as { saveAnswers?: string; 'save-answers'?: string };
    let file = options.saveAnswers ?? options['save-answers'];
    if (file === undefined && this.asked) {
      const { saveAnswers } = await this.prompt<{ saveAnswers: boolean }>([
        { type: 'confirm', name: 'saveAnswers', message: 'Save these answers as an answers file, to regenerate the chart in CI (npx k8s-chart --answers FILE)?', default: false },
      ] as never);
      if (saveAnswers) {
        const inPlace = this.chartDir === this.destinationRoot();
        const fallback = relative(this.contextRoot, join(inPlace ? join(this.chartDir, '..') : this.destinationRoot(), `${String(answers.name)}.answers.yaml`));
        const { answersFile } = await this.prompt<{ answersFile: string }>([
          { type: 'input', name: 'answersFile', message: 'Answers file', default: fallback, validate: (value: string) => (value.trim() ? true : 'required') },
        ] as never);
        file = String(answersFile).trim();
      }
    }
    if (file === undefined || file === '') return;
    const path = resolve(this.contextRoot, file);
    saveAnswersFile(answers, path);
    this.log.info(`answers saved to ${relative(this.contextRoot, path) || path}: regenerate with npx k8s-chart --answers ${relative(this.contextRoot, path) || path}`);
  }
}
