// What each workload kind brings to a chart: its own templates and its own values. The chart's
// shared files (Service, Ingress, ConfigMap, ...) are in src/chart/plan.ts; the traits every kind
// has (long-running, replicated) in src/model.ts.
import type { ChartModel, WorkloadKind } from '../model.ts';
import type { ValueNode } from '../chart/values-tree.ts';

export interface KindFile {
  /** Output path; the template is templates/chart/<path>.hbs. */
  path: string;
  when?: (model: ChartModel) => boolean;
}

export interface WorkloadModule {
  kind: WorkloadKind;
  files: KindFile[];
  /** The values section of the kind, titled with its name. */
  values: (model: ChartModel) => ValueNode[];
}
