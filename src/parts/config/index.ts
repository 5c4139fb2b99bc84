import type { Part } from '../part.ts';
import { values } from './values.ts';
import { model } from './model.ts';

export const config: Part = {
  name: 'config',

  values,
  model,

  files: [
    { path: 'templates/configmap.yaml', when: (m) => m.config.enabled },
  ],
};
