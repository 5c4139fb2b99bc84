import type { Part } from '../part.ts';
import { httpRouteRules } from './rules.ts';
import { httpRouteNodes } from '../../chart/values.ts';

export const httpRoute: Part = {
  name: 'httpRoute',

  rules: httpRouteRules,

  values: (model) => (model.httpRoute.enabled ? [{ title: 'Gateway API', nodes: httpRouteNodes(model) }] : []),

  files: [
    { path: 'templates/httproute.yaml', when: (m) => m.httpRoute.enabled },
  ],
};
