// The names of the workload kinds, apart from their modules: the answers schema (build time) and
// the questions read the list without loading a kind's values and templates.
export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];
