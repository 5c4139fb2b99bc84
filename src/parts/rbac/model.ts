import type { Answers, ChartModel, PolicyRule } from '../../model.ts';

/** A Role (or ClusterRole) only when there are rules: without them the pods get no API token. */
export interface RbacModel {
  enabled: boolean;
  clusterWide: boolean;
  rules: PolicyRule[];
}

export const model = ({ rbac = {} }: Answers): Pick<ChartModel, 'rbac'> => ({
  rbac: {
    enabled: (rbac.rules ?? []).length > 0,
    clusterWide: rbac.clusterWide ?? false,
    rules: rbac.rules ?? [],
  },
});
