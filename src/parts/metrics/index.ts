import type { Part } from '../part.ts';
import { values } from './values.ts';
import { model } from './model.ts';
import { metricsRules } from './rules.ts';

export const metrics: Part = {
  name: 'metrics',

  values,
  model,
  rules: metricsRules,

  files: [
    { path: 'templates/_metrics.tpl', when: (m) => m.metrics.enabled },
    { path: 'templates/servicemonitor.yaml', when: (m) => m.metrics.enabled && m.metrics.monitor === 'ServiceMonitor' },
    { path: 'templates/podmonitor.yaml', when: (m) => m.metrics.enabled && m.metrics.monitor === 'PodMonitor' },
  ],
};
