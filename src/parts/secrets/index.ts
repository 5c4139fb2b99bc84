import type { Part } from '../part.ts';
import { secretNodes } from '../../chart/values.ts';

export const secrets: Part = {
  name: 'secrets',

  values: (model) => (model.secrets.enabled ? [{ title: 'Secrets', nodes: secretNodes(model) }] : []),

  files: [
    { path: 'templates/secret.yaml', when: (m) => m.secrets.enabled },
  ],
};
