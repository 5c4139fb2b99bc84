import type { Part } from '../part.ts';
import { imageRules } from './rules.ts';
import { imageNodes } from '../../chart/values.ts';

export const image: Part = {
  name: 'image',

  rules: imageRules,

  values: (model) => [{ title: 'Image', nodes: imageNodes(model) }],

};
