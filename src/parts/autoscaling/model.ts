import type { Answers, ChartModel } from '../../model.ts';
import type { Engine, KedaTrigger } from './keda.ts';

export interface AutoscalingModel {
  enabled: boolean;
  engine: Engine;
  minReplicas: number;
  maxReplicas: number;
  /** 0: not on CPU. */
  targetCPUUtilizationPercentage: number;
  /** 0: not on memory. */
  targetMemoryUtilizationPercentage: number;
  keda: {
    triggers: KedaTrigger[];
    pollingInterval: number;
    cooldownPeriod: number;
    transferHpaOwnership: boolean;
  };
}

export const model = ({ autoscaling = {} }: Answers): Pick<ChartModel, 'autoscaling'> => {
  const engine = autoscaling.engine ?? 'hpa';
  const keda = autoscaling.keda ?? {};
  return {
    autoscaling: {
      enabled: autoscaling.enabled ?? false,
      engine,
      minReplicas: autoscaling.minReplicas ?? 2,
      maxReplicas: autoscaling.maxReplicas ?? 10,
      // A queue worker scales on its queue: KEDA gets a CPU trigger only when the answers ask for one.
      targetCPUUtilizationPercentage: autoscaling.targetCPUUtilizationPercentage ?? (engine === 'keda' ? 0 : 70),
      targetMemoryUtilizationPercentage: autoscaling.targetMemoryUtilizationPercentage ?? 0,
      keda: {
        triggers: keda.triggers ?? [],
        pollingInterval: keda.pollingInterval ?? 30,
        cooldownPeriod: keda.cooldownPeriod ?? 300,
        transferHpaOwnership: keda.transferHpaOwnership ?? false,
      },
    },
  };
};
