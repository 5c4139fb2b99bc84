import type { Part } from '../part.ts';
import { ingressNodes } from '../../chart/values.ts';

export const ingress: Part = {
  name: 'ingress',

  values: (model) => (model.ingress.enabled ? [{ title: 'Ingress', nodes: ingressNodes(model) }] : []),

  files: [
    { path: 'templates/ingress.yaml', when: (m) => m.ingress.enabled },
  ],
};
