import type { Part } from '../part.ts';
import { values } from './values.ts';

export const image: Part = {
  name: 'image',

  values,

};
