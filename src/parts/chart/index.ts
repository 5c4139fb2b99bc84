import type { Part } from '../part.ts';
import { model } from './model.ts';
import type { ChartModel } from '../../model.ts';
import { renderValuesYaml, valuesSchema } from '../../chart/values-tree.ts';

export const chart: Part = {
  name: 'chart',

  model,

  files: [
    { path: 'Chart.yaml' },
    { path: 'values.yaml', render: ({ model, values }) => renderValuesYaml(values, valuesHeader(model)) },
    {
      path: 'values.schema.json',
      render: ({ model, values }) => `${JSON.stringify(valuesSchema(values, `Values of the ${model.name} chart`), null, 2)}\n`,
    },
    { path: 'README.md' },
    { path: '.helmignore' },
    { path: 'ci/all-off-values.yaml' },
    { path: 'ci/common-values.yaml' },
    { path: 'ci/extras-values.yaml' },
    { path: 'ci/restricted-values.yaml' },
    { path: 'templates/_helpers.tpl' },
    { path: 'templates/NOTES.txt' },
  ],
};

function valuesHeader(model: ChartModel): string[] {
  return [
    `Default values for ${model.name}.`,
    'Every key is described by a `## @param` line and checked by values.schema.json.',
  ];
}
