import type { Part } from '../part.ts';
import { values } from './values.ts';
import { model } from './model.ts';
import { persistenceRules } from './rules.ts';

export const persistence: Part = {
  name: 'persistence',

  values,
  model,
  rules: persistenceRules,

};
