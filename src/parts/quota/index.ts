import type { Part } from '../part.ts';
import { values } from './values.ts';

export const quota: Part = {
  name: 'quota',

  values,

  files: [
    { path: 'templates/namespace-policy.yaml' },
  ],
};
