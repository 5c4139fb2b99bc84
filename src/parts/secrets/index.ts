import type { Part } from '../part.ts';
import { model } from './model.ts';
import { secretNodes } from '../../chart/values.ts';

export const secrets: Part = {
  name: 'secrets',

  model,

  values: (model) => (model.secrets.enabled ? [{ title: 'Secrets', nodes: secretNodes(model) }] : []),

  files: [
    { path: 'templates/secret.yaml', when: (m) => m.secrets.enabled },
  ],
};
