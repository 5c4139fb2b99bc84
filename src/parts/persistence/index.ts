import type { Part } from '../part.ts';
import { model } from './model.ts';
import { persistenceNodes } from '../../chart/values.ts';

export const persistence: Part = {
  name: 'persistence',

  model,

  values: (model) => (model.persistence.enabled ? [{ title: 'Persistence', nodes: persistenceNodes(model) }] : []),

};
