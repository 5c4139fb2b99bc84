// The core, shared by the bin and the Yeoman generator: answers in, chart files out (in memory).
import { validateAnswers, type Problem } from './answers/validate.ts';
import { toModel, type Answers, type ChartModel } from './model.ts';
import { renderChart, type ChartFile } from './chart/plan.ts';
import { generationWarnings } from './controllers.ts';

export type Generation =
  | { ok: true; answers: Answers; model: ChartModel; files: ChartFile[]; warnings: string[] }
  | { ok: false; problems: Problem[] };

export function generate(data: unknown, chartVersion?: string): Generation {
  const validation = validateAnswers(data);
  if (!validation.ok) return validation;
  const model = toModel(validation.answers, chartVersion);
  return { ok: true, answers: validation.answers, model, files: renderChart(model, validation.answers), warnings: generationWarnings(model) };
}
