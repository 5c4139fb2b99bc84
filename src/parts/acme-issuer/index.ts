import type { Part } from '../part.ts';
import { values } from './values.ts';
import { model } from './model.ts';
import { acmeIssuerRules } from './rules.ts';

export const acmeIssuer: Part = {
  name: 'acmeIssuer',

  values,
  model,
  rules: acmeIssuerRules,

  files: [
    { path: 'templates/acme-issuer.yaml', when: (m) => m.acmeIssuer.enabled },
  ],
};
