// The core, shared by the bin and the Yeoman generator: answers in, chart files out (in memory):
// the chart's own files (src/chart/) and the record of this generation (src/update/record.ts).
import { validateAnswers, type Problem } from './answers/validate.ts';
import { toModel, type Answers, type ChartModel } from './model.ts';
import { renderChart, type ChartFile } from './chart/plan.ts';
import { generationWarnings } from './controllers.ts';
import { withRecords } from './update/record.ts';

export type Generation =
  | { ok: true; answers: Answers; model: ChartModel; files: ChartFile[]; warnings: string[] }
  | { ok: false; problems: Problem[] };

export function generate(data: unknown, chartVersion?: string): Generation {
  const validation = validateAnswers(data);
  if (!validation.ok) return validation;
  const model = toModel(validation.answers, chartVersion);
  const files = withRecords(renderChart(model), model, validation.answers);
  return { ok: true, answers: validation.answers, model, files, warnings: generationWarnings(model) };
}
