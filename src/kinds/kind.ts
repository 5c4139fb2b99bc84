// What each workload kind brings to a chart: its traits (./traits.ts), its own templates and its
// own values. The chart's shared files (Service, Ingress, ConfigMap, ...) are the other parts'.
import type { ChartModel } from '../model.ts';
import type { KindTraits } from './traits.ts';
import { leaf, type ValueNode } from '../chart/values-tree.ts';
import { int } from '../chart/schemas.ts';

export interface KindFile {
  /** Output path; the template is templates/chart/<path>.hbs. */
  path: string;
  when?: (model: ChartModel) => boolean;
}

export type { KindTraits } from './traits.ts';

export interface WorkloadModule extends KindTraits {
  files: KindFile[];
  /** The values section of the kind, titled with its name. */
  values: (model: ChartModel) => ValueNode[];
}

/** minReadySeconds, which every long-running kind has on its spec (never inside a probe). */
export const minReadySeconds = (): ValueNode =>
  leaf('minReadySeconds', 0, int(0), 'Seconds a new pod must be ready before it counts as available');
