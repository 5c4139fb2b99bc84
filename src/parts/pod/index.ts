import type { Part } from '../part.ts';
import { values } from './values.ts';
import { model } from './model.ts';

export const pod: Part = {
  name: 'pod',

  values,
  model,

  files: [
    { path: 'templates/_pod.tpl' },
  ],
};
