import type { Part } from '../part.ts';
import { model } from './model.ts';
import { serviceNodes } from '../../chart/values.ts';

export const service: Part = {
  name: 'service',

  model,

  values: (model) => (model.service.enabled ? [{ title: 'Service', nodes: serviceNodes(model) }] : []),

  files: [
    { path: 'templates/service.yaml', when: (m) => m.service.enabled },
  ],
};
