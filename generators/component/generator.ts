// The generator behind `yo k8s-chart:component NAME` (index.ts loads it once Node is new enough):
// inside a chart k8s-chart made, asks one component's questions and updates the chart through the
// main generator's writing (the same runGeneration, conflicts and --force). It only asks.
import K8sChartGenerator, { adapterCanAsk } from '../app/generator.ts';
import { askComponent, componentNameProblems, type ComponentAnswers } from '../../src/parts/components/questions.ts';
import { replacing } from '../../src/answers/data.ts';
import { readRecord } from '../../src/update/snapshot.ts';
import { migrateAnswers } from '../../src/update/migrate.ts';

export default class ComponentGenerator extends K8sChartGenerator {
  constructor(args: string[], options: ConstructorParameters<typeof K8sChartGenerator>[1]) {
    super(args, options);
    this.argument('name', { type: String, required: false, description: 'The component to add (or to ask again): a DNS-1123 label such as worker' });
  }

  // Yeoman queues only the methods of the class itself as tasks: both are named here.
  override async prompting(): Promise<void> {
    // The main generator's --answers option is no answer here: refused, never silently ignored.
    if ((this.options as { answers?: unknown }).answers !== undefined) {
      throw new Error('yo k8s-chart:component takes no --answers: give components.NAME in the answers file of yo k8s-chart --answers FILE (or npx k8s-chart)');
    }
    const name = String((this.options as { name?: unknown }).name ?? '').trim();
    const dir = this.destinationRoot();
    const found = readRecord(dir);
    if (found.kind !== 'ours') {
      const why = found.kind === 'none' ? 'no .yo-rc.json of k8s-chart here' : found.message;
      throw new Error(`yo k8s-chart:component: run it inside a chart that k8s-chart wrote (${why})`);
    }
    const stored = migrateAnswers(found.record.answers, found.record.version);
    if (!name) throw new Error('yo k8s-chart:component NAME: the component\'s name is required (e.g. yo k8s-chart:component worker)');
    const problems = componentNameProblems(name, stored);
    if (problems.length) throw new Error(problems.join('\n'));
    if (!adapterCanAsk(this.env.adapter)) {
      throw new Error(`no terminal to ask the questions: give components.${name} in an answers file (npx k8s-chart --answers FILE)`);
    }
    // An existing component's answers are the defaults of every question, as with --ask-answered.
    const own = (stored.components as Record<string, ComponentAnswers> | undefined)?.[name];
    const prompt = (questions: unknown[]) => this.prompt(questions as never) as Promise<Record<string, unknown>>;
    const answers = await askComponent(prompt, stored, own ?? {}, own === undefined && !this.askAnswered ? {} : { again: 'all' });
    this.given = { components: { [name]: replacing((own ?? {}) as Record<string, unknown>, answers as Record<string, unknown>) } };
    this.chartDir = dir;
    this.force = (this.options as { force?: boolean }).force === true;
    this.askConflicts = !this.force;
  }

  override async writing(): Promise<void> {
    await super.writing();
  }
}
