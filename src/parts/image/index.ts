import type { Part } from '../part.ts';
import { values } from './values.ts';
import { model } from './model.ts';

export const image: Part = {
  name: 'image',

  values,
  model,

};
