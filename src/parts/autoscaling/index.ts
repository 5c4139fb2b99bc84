import type { Part } from '../part.ts';
import { autoscalingRules } from './rules.ts';
import { autoscalingNodes } from '../../chart/values.ts';

export const autoscaling: Part = {
  name: 'autoscaling',

  rules: autoscalingRules,

  values: (model) => (model.autoscaling.enabled ? [{ title: 'Autoscaling', nodes: autoscalingNodes(model) }] : []),

  files: [
    { path: 'templates/hpa.yaml', when: (m) => m.autoscaling.enabled },
  ],
};
