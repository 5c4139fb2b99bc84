import type { Part } from '../part.ts';
import { values } from './values.ts';

export const httpRoute: Part = {
  name: 'httpRoute',

  values,

  files: [
    { path: 'templates/httproute.yaml', when: (m) => m.httpRoute.enabled },
  ],
};
