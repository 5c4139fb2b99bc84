// `yo k8s-chart`: asks what the answers do not hold yet, then writes the chart. The generator only
// prompts and writes; validation, the model and the files come from src/.
import Generator from 'yeoman-generator';
import { AnswersFileError, loadAnswersFile } from '../../src/answers/load.ts';
import { formatProblems } from '../../src/answers/validate.ts';
import { generate } from '../../src/generate.ts';
import { askQuestions } from '../../src/prompts.ts';
import type { ChartFile } from '../../src/chart/plan.ts';

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
    if (file !== undefined) {
      try {
        data = loadAnswersFile(this.destinationPath(file)) as Record<string, unknown>;
      } catch (error) {
        if (error instanceof AnswersFileError) throw new Error(error.message);
        throw error;
      }
    } else {
      // Ask only with a terminal: in CI a missing answer is an error, never a hang.
      data = process.stdin.isTTY ? await askQuestions((questions) => this.prompt(questions as never), {}) : {};
    }
    const generation = generate(data);
    if (!generation.ok) throw new Error(formatProblems(generation.problems));
    this.files = generation.files;
    this.chartName = generation.model.name;
  }

  writing(): void {
    for (const file of this.files) {
      this.fs.write(this.destinationPath(this.chartName, file.path), file.content);
    }
  }
}
