import type { Part } from '../part.ts';

export const gateway: Part = {
  name: 'gateway',

  files: [
    { path: 'templates/gateway.yaml', when: (m) => m.httpRoute.gateway.create },
  ],
};
