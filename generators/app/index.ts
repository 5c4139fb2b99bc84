// `yo k8s-chart`: asks what the answers do not hold yet, then writes the chart. The generator only
// prompts and writes; validation, the model and the files come from src/.
import { resolve } from 'node:path';
import Generator from 'yeoman-generator';
import { AnswersFileError, loadAnswersFile } from '../../src/answers/load.ts';
import { formatProblems } from '../../src/answers/validate.ts';
import { generate } from '../../src/generate.ts';
import { askQuestions } from '../../src/prompts.ts';
import type { ChartFile } from '../../src/chart/plan.ts';

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
  private files: ChartFile[] = [];
  private chartName = '';

  constructor(args: string[], options: ConstructorParameters<typeof Generator>[1]) {
    super(args, options);
    this.option('answers', { type: String, description: 'Answers file (YAML or JSON); nothing is asked' });
  }

  async prompting(): Promise<void> {
    const file = (this.options as { answers?: string }).answers;
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
      data = await askQuestions((questions) => this.prompt(questions as never), {});
      asked = true;
    }
    // Without a way to ask (no terminal), a missing answer is an error below, never a hang.
    const generation = generate(data);
    if (!generation.ok) {
      const hint = file === undefined && !asked ? '\nno terminal to ask the questions: pass --answers FILE' : '';
      throw new Error(formatProblems(generation.problems) + hint);
    }
    this.files = generation.files;
    this.chartName = generation.model.name;
  }

  writing(): void {
    for (const file of this.files) {
      this.fs.write(this.destinationPath(this.chartName, file.path), file.content);
    }
  }
}
