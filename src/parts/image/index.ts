import type { Part } from '../part.ts';
import { model } from './model.ts';
import { imageNodes } from '../../chart/values.ts';

export const image: Part = {
  name: 'image',

  model,

  values: (model) => [{ title: 'Image', nodes: imageNodes(model) }],

};
