import type { Part } from '../part.ts';
import { persistenceNodes } from '../../chart/values.ts';

export const persistence: Part = {
  name: 'persistence',

  values: (model) => (model.persistence.enabled ? [{ title: 'Persistence', nodes: persistenceNodes(model) }] : []),

};
