import type { Part } from '../part.ts';
import { values } from './values.ts';
import { model } from './model.ts';
import { autoscalingRules } from './rules.ts';

export const autoscaling: Part = {
  name: 'autoscaling',

  values,
  model,
  rules: autoscalingRules,

  files: [
    { path: 'templates/hpa.yaml', when: (m) => m.autoscaling.enabled },
  ],
};
