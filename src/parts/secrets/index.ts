import type { Part } from '../part.ts';
import { values } from './values.ts';
import { model } from './model.ts';

export const secrets: Part = {
  name: 'secrets',

  values,
  model,

  files: [
    { path: 'templates/secret.yaml', when: (m) => m.secrets.enabled },
  ],
};
