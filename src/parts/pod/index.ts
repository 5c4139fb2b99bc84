import type { Part } from '../part.ts';
import { model } from './model.ts';
import { podNodes } from '../../chart/values.ts';

export const pod: Part = {
  name: 'pod',

  model,

  values: (model) => [{ title: 'Pods', nodes: podNodes(model) }],

  files: [
    { path: 'templates/_pod.tpl' },
  ],
};
