import type { Part } from '../part.ts';
import { values } from './values.ts';
import { model } from './model.ts';
import { networkPolicyRules } from './rules.ts';
import { trafficPeers } from '../../controllers.ts';

export const networkPolicy: Part = {
  name: 'networkPolicy',

  values,
  model,
  rules: networkPolicyRules,

  files: [
    { path: 'templates/networkpolicy.yaml' },
    { path: 'templates/cilium-networkpolicy.yaml', when: (m) => m.service.enabled && trafficPeers(m).ciliumIngress },
  ],
};
