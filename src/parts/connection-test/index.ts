import type { Part } from '../part.ts';
import { testNodes } from '../../chart/values.ts';

export const connectionTest: Part = {
  name: 'connectionTest',

  values: (model) => (model.service.enabled ? [{ title: 'Tests', nodes: testNodes() }] : []),

  files: [
    { path: 'templates/tests/test-connection.yaml', when: (m) => m.service.enabled },
  ],
};
