import type { Part } from '../part.ts';
import { values } from './values.ts';
import { model } from './model.ts';
import { httpRouteRules } from './rules.ts';

export const httpRoute: Part = {
  name: 'httpRoute',

  values,
  model,
  rules: httpRouteRules,

  files: [
    { path: 'templates/httproute.yaml', when: (m) => m.httpRoute.enabled },
  ],
};
