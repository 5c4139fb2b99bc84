import type { Part } from '../part.ts';
import { model } from './model.ts';
import { autoscalingNodes } from '../../chart/values.ts';

export const autoscaling: Part = {
  name: 'autoscaling',

  model,

  values: (model) => (model.autoscaling.enabled ? [{ title: 'Autoscaling', nodes: autoscalingNodes(model) }] : []),

  files: [
    { path: 'templates/hpa.yaml', when: (m) => m.autoscaling.enabled },
  ],
};
