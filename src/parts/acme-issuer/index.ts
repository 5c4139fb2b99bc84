import type { Part } from '../part.ts';
import { values } from './values.ts';
import { model } from './model.ts';

export const acmeIssuer: Part = {
  name: 'acmeIssuer',

  values,
  model,

  files: [
    { path: 'templates/acme-issuer.yaml', when: (m) => m.acmeIssuer.enabled },
  ],
};
