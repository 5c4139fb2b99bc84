import type { Part } from '../part.ts';
import { persistenceRules } from './rules.ts';
import { persistenceNodes } from '../../chart/values.ts';

export const persistence: Part = {
  name: 'persistence',

  rules: persistenceRules,

  values: (model) => (model.persistence.enabled ? [{ title: 'Persistence', nodes: persistenceNodes(model) }] : []),

};
