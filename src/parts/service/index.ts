import type { Part } from '../part.ts';
import { values } from './values.ts';
import { model } from './model.ts';
import { serviceRules } from './rules.ts';

export const service: Part = {
  name: 'service',

  values,
  model,
  rules: serviceRules,

  files: [
    { path: 'templates/service.yaml', when: (m) => m.service.enabled },
  ],
};
