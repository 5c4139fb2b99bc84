import type { Part } from '../part.ts';
import { values } from './values.ts';
import { model } from './model.ts';
import { extraPortsRules } from './rules.ts';

export const extraPorts: Part = {
  name: 'extraPorts',

  values,
  model,
  rules: extraPortsRules,

  files: [
    { path: 'templates/_ports.tpl', when: (m) => m.extraPorts.length > 0 },
  ],
};
