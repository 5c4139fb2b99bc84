import type { Part } from '../part.ts';
import { values } from './values.ts';

export const acmeIssuer: Part = {
  name: 'acmeIssuer',

  values,

  files: [
    { path: 'templates/acme-issuer.yaml', when: (m) => m.acmeIssuer.enabled },
  ],
};
