import type { Part } from '../part.ts';
import { values } from './values.ts';

export const pod: Part = {
  name: 'pod',

  values,

  files: [
    { path: 'templates/_pod.tpl' },
  ],
};
