import type { QuestionStep } from '../../prompts.ts';
import { validateChartName } from '../../validators.ts';

export const chartQuestions: QuestionStep = {
  async ask({ answers, again, input }) {
    if (answers.name === undefined || again('name and image')) answers.name = await input('name', 'Chart name', validateChartName, answers.name);
  },
};
