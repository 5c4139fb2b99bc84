import type { Part } from '../part.ts';
import { values } from './values.ts';
import { model } from './model.ts';

export const ingress: Part = {
  name: 'ingress',

  values,
  model,

  files: [
    { path: 'templates/ingress.yaml', when: (m) => m.ingress.enabled },
  ],
};
