import { oneLine, optional, text, Type } from '../../answers/fields.ts';
import { CHART_NAME } from '../../validators.ts';

/** Chart.yaml's fields, at the top of the answers. */
export const chartAnswers = {
  name: text(CHART_NAME, 'Chart name; the chart is written to <output>/<name>/'),
  description: optional(oneLine({ maxLength: 1024, description: "Chart.yaml's description" })),
  version: optional(
    Type.String({
      pattern: '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$',
      description: "Chart.yaml's version (default 0.1.0)",
      'x-message': 'must be a version such as 0.1.0',
    }),
  ),
  appVersion: optional(oneLine({ minLength: 1, maxLength: 128, description: "The application's version; the default image tag" })),
};
