import type { Part } from '../part.ts';
import { networkPolicyRules } from './rules.ts';
import { networkPolicyNodes } from '../../chart/values.ts';
import { trafficPeers } from '../../controllers.ts';

export const networkPolicy: Part = {
  name: 'networkPolicy',

  rules: networkPolicyRules,

  values: (model) => [{ title: 'NetworkPolicy', nodes: networkPolicyNodes(model) }],

  files: [
    { path: 'templates/networkpolicy.yaml' },
    { path: 'templates/cilium-networkpolicy.yaml', when: (m) => m.service.enabled && trafficPeers(m).ciliumIngress },
  ],
};
