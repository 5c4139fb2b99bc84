import type { Part } from '../part.ts';
import { values } from './values.ts';

export const serviceAccount: Part = {
  name: 'serviceAccount',

  values,

  files: [
    { path: 'templates/serviceaccount.yaml' },
  ],
};
