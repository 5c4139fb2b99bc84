import { boolean, integer, object, optional } from '../../answers/fields.ts';

export const autoscalingAnswers = {
  autoscaling: optional(
    object(
      {
        enabled: optional(boolean('Add a HorizontalPodAutoscaler (Deployment and StatefulSet)')),
        minReplicas: optional(integer(1, 1000, 'Fewest replicas (default 2)')),
        maxReplicas: optional(integer(1, 1000, 'Most replicas (default 10)')),
        targetCPUUtilizationPercentage: optional(integer(1, 100, 'Average CPU use to aim at, in percent of the CPU request (default 70)')),
        targetMemoryUtilizationPercentage: optional(
          integer(1, 100, 'Also scale on memory: average use to aim at, in percent of the memory request (default: not on memory)'),
        ),
      },
      'Horizontal pod autoscaling',
    ),
  ),
};
