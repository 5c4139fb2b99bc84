import type { Part } from '../part.ts';
import { values } from './values.ts';

export const service: Part = {
  name: 'service',

  values,

  files: [
    { path: 'templates/service.yaml', when: (m) => m.service.enabled },
  ],
};
