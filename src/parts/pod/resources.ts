// The app container's resources: what the answers give, with the chart's defaults for the rest.
import type { Answers } from '../../model.ts';

export interface ResourcesModel {
  requests: { cpu: string; memory: string };
  limits: { cpu?: string; memory: string };
}

/** A Kubernetes quantity as a number of base units (cores, bytes), for comparing two of them. */
export function quantityValue(quantity: string): number {
  const match = /^([0-9.]+(?:[eE][-+]?[0-9]+)?)([numkMGTPE]|[KMGTPE]i)?$/.exec(quantity);
  if (!match) return Number.NaN;
  const scale: Record<string, number> = {
    n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
    Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
  };
  return Number(match[1]) * (match[2] ? scale[match[2]]! : 1);
}

/** Requests of 100m CPU and 128Mi, a 256Mi memory limit and no CPU limit (a CPU limit throttles the
 * app on an idle node); a memory request above the default limit with no limit given gets itself
 * as the limit, since Kubernetes refuses a request above its limit. */
export function resourcesModel({ resources }: Answers): ResourcesModel {
  const memory = resources?.requests?.memory ?? '128Mi';
  const defaultLimit = quantityValue(memory) > quantityValue('256Mi') ? memory : '256Mi';
  const cpuLimit = resources?.limits?.cpu;
  return {
    requests: { cpu: resources?.requests?.cpu ?? '100m', memory },
    limits: { ...(cpuLimit === undefined ? {} : { cpu: cpuLimit }), memory: resources?.limits?.memory ?? defaultLimit },
  };
}
