// What each workload kind is, said once. Every other module (the rules, the model, the values, the
// questions, and `k8s-chart check`) asks a kind's traits here and never compares its name. This
// file imports nothing: the checker (check/) takes this table and nothing else of the generator.

export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

/** The kind of answers that name none. */
export const DEFAULT_KIND: WorkloadKind = 'Deployment';

export interface KindTraits {
  kind: WorkloadKind;
  /** Pods that keep running (probes, a Service); the others run to completion. */
  longRunning: boolean;
  /** A replica count, autoscaling, a disruption budget. */
  replicated: boolean;
  /** Runs on a cron schedule in a time zone (workload.schedule, workload.timeZone). */
  scheduled: boolean;
  /** Runs as a Helm hook after every install and upgrade, which Helm waits for; a hook is no
   * resource of the release, so its last run outlives `helm uninstall`. */
  hook: boolean;
  /** One pod on each node, as node agents run (hostNetwork, hostPort). */
  perNode: boolean;
  /** The claim persistence gets: one the chart creates and the pods share, one per pod from
   * volumeClaimTemplates, or none (the pods mount persistence.existingClaim). */
  claim: 'shared' | 'perPod' | 'none';
  /** Where the object keeps its pod template. */
  podTemplatePath: 'spec.template' | 'spec.jobTemplate.spec.template';
  /** The longest name the chart gives the object: Kubernetes adds 11 characters to a CronJob's name
   * (a Job's timestamp) and a StatefulSet's (a pod's controller-revision-hash label) within 63. */
  nameLimit: 52 | 63;
}

export const KINDS: readonly KindTraits[] = [
  { kind: 'Deployment', longRunning: true, replicated: true, scheduled: false, hook: false, perNode: false, claim: 'shared', podTemplatePath: 'spec.template', nameLimit: 63 },
  { kind: 'StatefulSet', longRunning: true, replicated: true, scheduled: false, hook: false, perNode: false, claim: 'perPod', podTemplatePath: 'spec.template', nameLimit: 52 },
  { kind: 'DaemonSet', longRunning: true, replicated: false, scheduled: false, hook: false, perNode: true, claim: 'none', podTemplatePath: 'spec.template', nameLimit: 63 },
  { kind: 'Job', longRunning: false, replicated: false, scheduled: false, hook: true, perNode: false, claim: 'none', podTemplatePath: 'spec.template', nameLimit: 63 },
  { kind: 'CronJob', longRunning: false, replicated: false, scheduled: true, hook: false, perNode: false, claim: 'none', podTemplatePath: 'spec.jobTemplate.spec.template', nameLimit: 52 },
];

/** The traits of a kind name read from input (answers, a manifest's `kind:`); undefined for any other name. */
export function findKind(name: unknown): KindTraits | undefined {
  return KINDS.find((traits) => traits.kind === name);
}

export function kindTraits(kind: WorkloadKind): KindTraits {
  const found = findKind(kind);
  if (!found) throw new Error(`k8s-chart: no traits for workload kind ${kind}`);
  return found;
}

/** The kinds with a trait, for a message: "Deployment, StatefulSet or DaemonSet"; with an article,
 * "a Deployment or a StatefulSet". */
export function kindNames(which: (traits: KindTraits) => boolean, article = ''): string {
  const names = KINDS.filter(which).map((traits) => `${article}${traits.kind}`);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : (names[0] ?? '');
}
