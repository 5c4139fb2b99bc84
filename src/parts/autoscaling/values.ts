import type { ChartModel } from '../../model.ts';
import { group, leaf, type ValueNode, type ValueSection } from '../../chart/values-tree.ts';
import { bool, hpaBehavior, int, resources } from '../../chart/schemas.ts';

/** The part's section of values.yaml. */
export const values = (model: ChartModel): ValueSection[] => (model.autoscaling.enabled ? [{ title: 'Autoscaling', nodes: nodes(model) }] : []);

function nodes(model: ChartModel): ValueNode[] {
  const { autoscaling } = model;
  return [
    group('autoscaling', 'A HorizontalPodAutoscaler (autoscaling/v2); while on, the chart leaves replicas to it', [
      leaf('enabled', true, bool, 'Create the HorizontalPodAutoscaler'),
      leaf('minReplicas', autoscaling.minReplicas, int(1), 'Fewest replicas'),
      leaf('maxReplicas', autoscaling.maxReplicas, int(1), 'Most replicas'),
      leaf('targetCPUUtilizationPercentage', autoscaling.targetCPUUtilizationPercentage, int(0, 100), 'Average CPU use to aim at, in percent of resources.requests.cpu (0: not on CPU)', [
        'The HPA measures use in percent of the request: the chart fails to render without resources.requests.cpu.',
      ]),
      leaf('targetMemoryUtilizationPercentage', autoscaling.targetMemoryUtilizationPercentage, int(0, 100), 'Average memory use to aim at, in percent of resources.requests.memory (0: not on memory)'),
      leaf('behavior', {}, hpaBehavior, 'Scaling behavior (autoscaling/v2 HorizontalPodAutoscalerBehavior: scaleUp, scaleDown); empty: the Kubernetes defaults', [
        'e.g. scaleDown: {stabilizationWindowSeconds: 600, policies: [{type: Pods, value: 1, periodSeconds: 60}]}',
      ]),
    ]),
  ];
}
