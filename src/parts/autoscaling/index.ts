import type { Part } from '../part.ts';
import { values } from './values.ts';

export const autoscaling: Part = {
  name: 'autoscaling',

  values,

  files: [
    { path: 'templates/hpa.yaml', when: (m) => m.autoscaling.enabled },
  ],
};
