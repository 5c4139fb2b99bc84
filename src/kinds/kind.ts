// What each workload kind brings to a chart: its own templates and its own values. The chart's
// shared files (Service, Ingress, ConfigMap, ...) are in src/chart/plan.ts; the traits every kind
// has (long-running, replicated) in src/model.ts.
import type { ChartModel, WorkloadKind } from '../model.ts';
import { leaf, type ValueNode } from '../chart/values-tree.ts';
import { int } from '../chart/schemas.ts';

export interface KindFile {
  /** Output path; the template is templates/chart/<path>.hbs. */
  path: string;
  when?: (model: ChartModel) => boolean;
}

/** What a workload kind is, once: every other module asks the kind's traits, never its name. */
export interface KindTraits {
  kind: WorkloadKind;
  /** Deployment, StatefulSet, DaemonSet: pods that keep running (probes, a Service). */
  longRunning: boolean;
  /** Deployment, StatefulSet: a replica count, autoscaling, a disruption budget. */
  replicated: boolean;
}

export interface WorkloadModule extends KindTraits {
  files: KindFile[];
  /** The values section of the kind, titled with its name. */
  values: (model: ChartModel) => ValueNode[];
}

/** minReadySeconds, which every long-running kind has on its spec (never inside a probe). */
export const minReadySeconds = (): ValueNode =>
  leaf('minReadySeconds', 0, int(0), 'Seconds a new pod must be ready before it counts as available');
