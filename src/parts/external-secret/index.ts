import type { Part } from '../part.ts';

export const externalSecret: Part = {
  name: 'externalSecret',

  files: [
    { path: 'templates/externalsecret.yaml', when: (m) => m.secrets.externalSecret.enabled },
  ],
};
