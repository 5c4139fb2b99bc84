import type { Part } from '../part.ts';
import { podNodes } from '../../chart/values.ts';

export const pod: Part = {
  name: 'pod',

  values: (model) => [{ title: 'Pods', nodes: podNodes(model) }],

  files: [
    { path: 'templates/_pod.tpl' },
  ],
};
