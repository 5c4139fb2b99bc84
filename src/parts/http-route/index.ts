import type { Part } from '../part.ts';
import { values } from './values.ts';
import { model } from './model.ts';

export const httpRoute: Part = {
  name: 'httpRoute',

  values,
  model,

  files: [
    { path: 'templates/httproute.yaml', when: (m) => m.httpRoute.enabled },
  ],
};
