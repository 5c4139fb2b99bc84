// What a part of a chart is: one folder under src/parts/ (or src/kinds/ for the workload), with one
// interface. A part brings its answers (schema.ts, read at build time only), the defaults that turn
// them into its slice of the chart model, the rules that join its answers with others, its
// sections of values.yaml, and its rows of the file plan (templates under templates/chart/, named
// like the output path). src/parts/index.ts lists the parts; every layer walks that one list.
import type { Answers, ChartModel } from '../model.ts';
import type { ValueSection } from '../chart/values-tree.ts';
import type { Problem } from '../answers/problem.ts';
import type { KindTraits } from '../kinds/traits.ts';

/** A row of the file plan: an output path and when it is in the chart. Its content is the
 * Handlebars template templates/chart/<path>.hbs, or the part's own function of the render. */
export interface PartFile {
  path: string;
  when?: (model: ChartModel) => boolean;
  render?: (context: RenderContext) => string;
}

export interface RenderContext {
  model: ChartModel;
  values: ValueSection[];
}

/** What the rules of a part read: the answers as given (before defaults, perhaps of wrong types:
 * rules also run on answers the schema rejects, so every problem is reported at once) and the
 * traits of the workload kind they ask for. */
export interface RuleContext {
  given: Partial<Answers>;
  kind: KindTraits;
  /** The component whose answers these are (the chart's, with its own workload keys); none for the
   * main workload. Its problems' paths get components.<name>. before them. */
  component?: string;
}

/** What a part's model reads besides the answers: the traits of the workload kind, and the
 * chart version an update keeps when the answers set none. */
export interface ModelContext {
  kind: KindTraits;
  chartVersion: string;
}

export interface Part {
  /** Its name: the key of its answers and of its model slice where it has them. */
  name: string;
  /** Its slice of the chart model: the answers with the part's defaults applied (the only place
   * they are applied). */
  model?: (answers: Answers, context: ModelContext) => Partial<ChartModel>;
  rules?: (context: RuleContext) => Problem[];
  /** Its sections of values.yaml, in order; none when the answers leave it out. */
  values?: (model: ChartModel) => ValueSection[];
  files?: PartFile[];
}
