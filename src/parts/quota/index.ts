import type { Part } from '../part.ts';
import { namespacePolicyNodes } from '../../chart/values.ts';

export const quota: Part = {
  name: 'quota',

  values: () => [{ title: 'Namespace', nodes: namespacePolicyNodes() }],

  files: [
    { path: 'templates/namespace-policy.yaml' },
  ],
};
