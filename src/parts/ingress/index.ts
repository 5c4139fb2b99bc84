import type { Part } from '../part.ts';
import { ingressRules } from './rules.ts';
import { ingressNodes } from '../../chart/values.ts';

export const ingress: Part = {
  name: 'ingress',

  rules: ingressRules,

  values: (model) => (model.ingress.enabled ? [{ title: 'Ingress', nodes: ingressNodes(model) }] : []),

  files: [
    { path: 'templates/ingress.yaml', when: (m) => m.ingress.enabled },
  ],
};
