import type { Answers } from '../../model.ts';
import type { ModelContext } from '../part.ts';

/** Chart.yaml's fields. */
export interface ChartMetadata {
  name: string;
  description: string;
  version: string;
  appVersion: string;
}

export const model = (answers: Answers, context: ModelContext): ChartMetadata => ({
  name: answers.name,
  description: answers.description ?? `A Helm chart for ${answers.name}`,
  version: answers.version ?? context.chartVersion,
  appVersion: answers.appVersion ?? answers.image.tag ?? '',
});

