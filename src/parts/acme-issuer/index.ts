import type { Part } from '../part.ts';
import { model } from './model.ts';
import { acmeIssuerNodes } from '../../chart/values.ts';

export const acmeIssuer: Part = {
  name: 'acmeIssuer',

  model,

  values: (model) => (model.acmeIssuer.enabled ? [{ title: 'cert-manager', nodes: acmeIssuerNodes(model) }] : []),

  files: [
    { path: 'templates/acme-issuer.yaml', when: (m) => m.acmeIssuer.enabled },
  ],
};
