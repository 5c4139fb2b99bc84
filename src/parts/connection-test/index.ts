import type { Part } from '../part.ts';
import { values } from './values.ts';

export const connectionTest: Part = {
  name: 'connectionTest',

  values,

  files: [
    { path: 'templates/tests/test-connection.yaml', when: (m) => m.service.enabled },
  ],
};
