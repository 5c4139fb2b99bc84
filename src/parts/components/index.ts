import type { Part } from '../part.ts';
import { values } from './values.ts';
import { model } from './model.ts';
import { componentRules } from './rules.ts';

/** More workloads beside the main one: each renders the workload's own parts (COMPONENT_PARTS)
 * from the same templates into templates/<component>/, with its values under components.<name>.
 * Its files come from the render step (src/chart/plan.ts), as their paths follow the names; its own
 * row is the ci/ values file that switches every component off. */
export const components: Part = {
  name: 'components',

  model,
  rules: componentRules,
  values,

  files: [{ path: 'ci/components-off-values.yaml', when: (m) => m.components.length > 0 }],
};
