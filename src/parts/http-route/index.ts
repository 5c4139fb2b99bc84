import type { Part } from '../part.ts';
import { model } from './model.ts';
import { httpRouteNodes } from '../../chart/values.ts';

export const httpRoute: Part = {
  name: 'httpRoute',

  model,

  values: (model) => (model.httpRoute.enabled ? [{ title: 'Gateway API', nodes: httpRouteNodes(model) }] : []),

  files: [
    { path: 'templates/httproute.yaml', when: (m) => m.httpRoute.enabled },
  ],
};
