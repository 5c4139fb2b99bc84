import type { Part } from '../part.ts';
import { values } from './values.ts';

export const persistence: Part = {
  name: 'persistence',

  values,

};
