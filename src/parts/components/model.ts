import type { ChartModel } from '../../model.ts';

/** A component: a workload of the chart beside the main one. Its model is a whole chart model (the
 * same part model functions build it), of which only COMPONENT_PARTS are read; the chart-wide
 * parts (names, config, secrets, ingress, ...) are the main model's. */
export interface ComponentModel {
  name: string;
  model: ChartModel;
}

/** The parts each component has of its own values and files. */
export const COMPONENT_PARTS: ReadonlySet<string> = new Set([
  'image',
  'workload',
  'pod',
  'podDisruptionBudget',
  'service',
  'persistence',
  'autoscaling',
]);

/** Parts whose files each component gets too, from the chart's shared values: the NetworkPolicy
 * (one per component, selecting its pods, its port). */
export const COMPONENT_FILE_PARTS: ReadonlySet<string> = new Set([...COMPONENT_PARTS, 'networkPolicy']);

export const componentsOf = (model: ChartModel): ComponentModel[] =>
  (model as ChartModel & { components?: ComponentModel[] }).components ?? [];
