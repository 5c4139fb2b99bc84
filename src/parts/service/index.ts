import type { Part } from '../part.ts';
import { serviceRules } from './rules.ts';
import { serviceNodes } from '../../chart/values.ts';

export const service: Part = {
  name: 'service',

  rules: serviceRules,

  values: (model) => (model.service.enabled ? [{ title: 'Service', nodes: serviceNodes(model) }] : []),

  files: [
    { path: 'templates/service.yaml', when: (m) => m.service.enabled },
  ],
};
