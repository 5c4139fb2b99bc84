import type { Answers, ChartModel } from '../../model.ts';

export interface AutoscalingModel {
  enabled: boolean;
  minReplicas: number;
  maxReplicas: number;
  targetCPUUtilizationPercentage: number;
  /** 0: not on memory. */
  targetMemoryUtilizationPercentage: number;
}

export const model = ({ autoscaling = {} }: Answers): Pick<ChartModel, 'autoscaling'> => ({
  autoscaling: {
    enabled: autoscaling.enabled ?? false,
    minReplicas: autoscaling.minReplicas ?? 2,
    maxReplicas: autoscaling.maxReplicas ?? 10,
    targetCPUUtilizationPercentage: autoscaling.targetCPUUtilizationPercentage ?? 70,
    targetMemoryUtilizationPercentage: autoscaling.targetMemoryUtilizationPercentage ?? 0,
  },
});
