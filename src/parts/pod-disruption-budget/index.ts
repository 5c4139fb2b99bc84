import type { Part } from '../part.ts';
import { values } from './values.ts';

export const podDisruptionBudget: Part = {
  name: 'podDisruptionBudget',

  values,

  files: [
    { path: 'templates/pdb.yaml', when: (m) => m.workload.replicated },
  ],
};
