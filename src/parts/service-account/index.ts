import type { Part } from '../part.ts';
import { serviceAccountNodes } from '../../chart/values.ts';

export const serviceAccount: Part = {
  name: 'serviceAccount',

  values: (model) => [{ title: 'ServiceAccount', nodes: serviceAccountNodes(model) }],

  files: [
    { path: 'templates/serviceaccount.yaml' },
  ],
};
