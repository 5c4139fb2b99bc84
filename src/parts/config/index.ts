import type { Part } from '../part.ts';
import { model } from './model.ts';
import { configNodes } from '../../chart/values.ts';

export const config: Part = {
  name: 'config',

  model,

  values: (model) => (model.config.enabled ? [{ title: 'Configuration', nodes: configNodes(model) }] : []),

  files: [
    { path: 'templates/configmap.yaml', when: (m) => m.config.enabled },
  ],
};
