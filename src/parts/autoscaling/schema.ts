import { Type, boolean, choice, integer, object, optional } from '../../answers/fields.ts';
import { ENGINES, kedaTrigger, type KedaTrigger } from './keda.ts';

export const autoscalingAnswers = {
  autoscaling: optional(
    object(
      {
        enabled: optional(boolean('Autoscale the replicas (Deployment and StatefulSet)')),
        engine: optional(choice([...ENGINES], 'What scales: hpa (a HorizontalPodAutoscaler, the default) or keda (a KEDA ScaledObject, e.g. on a queue\'s length)')),
        minReplicas: optional(integer(1, 1000, 'Fewest replicas (default 2)')),
        maxReplicas: optional(integer(1, 1000, 'Most replicas (default 10)')),
        targetCPUUtilizationPercentage: optional(integer(1, 100, 'Average CPU use to aim at, in percent of the CPU request (default 70 with hpa, none with keda)')),
        targetMemoryUtilizationPercentage: optional(
          integer(1, 100, 'Also scale on memory: average use to aim at, in percent of the memory request (default: not on memory)'),
        ),
        keda: optional(
          object(
            {
              triggers: optional(
                Type.Unsafe<KedaTrigger[]>({ type: 'array', minItems: 1, items: kedaTrigger, description: 'KEDA triggers (keda.sh/v1alpha1 ScaleTriggers: type, metadata, authenticationRef, ...)' }),
              ),
              pollingInterval: optional(integer(1, 3600, 'Seconds between checks of the triggers (default 30)')),
              cooldownPeriod: optional(integer(0, 86400, 'Seconds after the last active trigger before scaling to minReplicas (default 300)')),
              transferHpaOwnership: optional(
                boolean("Take over the chart's HorizontalPodAutoscaler when an installed release switches from hpa to keda in one upgrade (default false)"),
              ),
            },
            'KEDA ScaledObject settings (autoscaling.engine keda)',
          ),
        ),
      },
      'Pod autoscaling',
    ),
  ),
};
