import type { Part } from '../part.ts';
import { secretsRules } from './rules.ts';
import { secretNodes } from '../../chart/values.ts';

export const secrets: Part = {
  name: 'secrets',

  rules: secretsRules,

  values: (model) => (model.secrets.enabled ? [{ title: 'Secrets', nodes: secretNodes(model) }] : []),

  files: [
    { path: 'templates/secret.yaml', when: (m) => m.secrets.enabled },
  ],
};
