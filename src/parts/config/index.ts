import type { Part } from '../part.ts';
import { values } from './values.ts';

export const config: Part = {
  name: 'config',

  values,

  files: [
    { path: 'templates/configmap.yaml', when: (m) => m.config.enabled },
  ],
};
