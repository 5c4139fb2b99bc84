import type { Part } from '../part.ts';
import { acmeIssuerRules } from './rules.ts';
import { acmeIssuerNodes } from '../../chart/values.ts';

export const acmeIssuer: Part = {
  name: 'acmeIssuer',

  rules: acmeIssuerRules,

  values: (model) => (model.acmeIssuer.enabled ? [{ title: 'cert-manager', nodes: acmeIssuerNodes(model) }] : []),

  files: [
    { path: 'templates/acme-issuer.yaml', when: (m) => m.acmeIssuer.enabled },
  ],
};
