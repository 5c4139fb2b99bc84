import type { Part } from '../part.ts';
import { model } from './model.ts';

export const rbac: Part = {
  name: 'rbac',

  model,

  files: [
    { path: 'templates/rbac.yaml', when: (m) => m.rbac.enabled },
  ],
};
