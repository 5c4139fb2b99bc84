import type { Part } from '../part.ts';
import { values } from './values.ts';

export const common: Part = {
  name: 'common',

  values,

  files: [
    { path: 'templates/extra-list.yaml' },
  ],
};
