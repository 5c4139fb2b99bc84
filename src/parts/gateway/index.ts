import type { Part } from '../part.ts';
import { gatewayRules } from './rules.ts';

export const gateway: Part = {
  name: 'gateway',

  rules: gatewayRules,

  files: [
    { path: 'templates/gateway.yaml', when: (m) => m.httpRoute.gateway.create },
  ],
};
