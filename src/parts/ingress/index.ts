import type { Part } from '../part.ts';
import { values } from './values.ts';
import { model } from './model.ts';
import { ingressRules } from './rules.ts';

export const ingress: Part = {
  name: 'ingress',

  values,
  model,
  rules: ingressRules,

  files: [
    { path: 'templates/ingress.yaml', when: (m) => m.ingress.enabled },
  ],
};
