import type { Part } from '../part.ts';
import { podRules } from './rules.ts';
import { podNodes } from '../../chart/values.ts';

export const pod: Part = {
  name: 'pod',

  rules: podRules,

  values: (model) => [{ title: 'Pods', nodes: podNodes(model) }],

  files: [
    { path: 'templates/_pod.tpl' },
  ],
};
