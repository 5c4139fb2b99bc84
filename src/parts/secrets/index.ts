import type { Part } from '../part.ts';
import { values } from './values.ts';
import { model } from './model.ts';
import { secretsRules } from './rules.ts';

export const secrets: Part = {
  name: 'secrets',

  values,
  model,
  rules: secretsRules,

  files: [
    { path: 'templates/secret.yaml', when: (m) => m.secrets.enabled },
  ],
};
