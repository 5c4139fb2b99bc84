import type { Part } from '../part.ts';
import { values } from './values.ts';
import { model } from './model.ts';
import { podRules } from './rules.ts';

export const pod: Part = {
  name: 'pod',

  values,
  model,
  rules: podRules,

  files: [
    { path: 'templates/_pod.tpl' },
  ],
};
