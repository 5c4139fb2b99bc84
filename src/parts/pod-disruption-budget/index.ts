import type { Part } from '../part.ts';
import { disruptionBudgetNodes } from '../../chart/values.ts';

export const podDisruptionBudget: Part = {
  name: 'podDisruptionBudget',

  values: (model) => (model.workload.replicated ? [{ title: 'Disruption budget', nodes: disruptionBudgetNodes() }] : []),

  files: [
    { path: 'templates/pdb.yaml', when: (m) => m.workload.replicated },
  ],
};
