import type { Part } from '../part.ts';
import { values } from './values.ts';

export const secrets: Part = {
  name: 'secrets',

  values,

  files: [
    { path: 'templates/secret.yaml', when: (m) => m.secrets.enabled },
  ],
};
