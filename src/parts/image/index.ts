import type { Part } from '../part.ts';
import { imageNodes } from '../../chart/values.ts';

export const image: Part = {
  name: 'image',

  values: (model) => [{ title: 'Image', nodes: imageNodes(model) }],

};
