import type { Part } from '../part.ts';
import { values } from './values.ts';
import { model } from './model.ts';
import { imageRules } from './rules.ts';

export const image: Part = {
  name: 'image',

  values,
  model,
  rules: imageRules,

};
