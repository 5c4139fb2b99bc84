import type { Part } from '../part.ts';
import { commonNodes } from '../../chart/values.ts';

export const common: Part = {
  name: 'common',

  values: () => [{ title: 'Common', nodes: commonNodes() }],

  files: [
    { path: 'templates/extra-list.yaml' },
  ],
};
