import type { Part } from '../part.ts';

export const rbac: Part = {
  name: 'rbac',

  files: [
    { path: 'templates/rbac.yaml', when: (m) => m.rbac.enabled },
  ],
};
