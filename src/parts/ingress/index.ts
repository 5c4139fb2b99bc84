import type { Part } from '../part.ts';
import { values } from './values.ts';

export const ingress: Part = {
  name: 'ingress',

  values,

  files: [
    { path: 'templates/ingress.yaml', when: (m) => m.ingress.enabled },
  ],
};
