import type { ChartModel } from '../../model.ts';
import { group, leaf, type ValueNode, type ValueSection } from '../../chart/values-tree.ts';
import { bool, hpaBehavior, int } from '../../chart/schemas.ts';
import { ENGINES, kedaTrigger } from './keda.ts';

/** The part's section of values.yaml. */
export const values = (model: ChartModel): ValueSection[] => (model.autoscaling.enabled ? [{ title: 'Autoscaling', nodes: nodes(model) }] : []);

function nodes(model: ChartModel): ValueNode[] {
  const { autoscaling } = model;
  return [
    group('autoscaling', 'Autoscaling by a HorizontalPodAutoscaler (autoscaling/v2) or a KEDA ScaledObject; while on, the chart leaves replicas to it', [
      leaf('enabled', true, bool, 'Autoscale the replicas'),
      leaf('engine', autoscaling.engine, { enum: [...ENGINES] }, "What scales: hpa (the chart's HorizontalPodAutoscaler) or keda (a KEDA ScaledObject, which needs KEDA in the cluster; KEDA then makes the HPA)", [
        'One engine at a time: KEDA refuses a ScaledObject whose workload already has an HPA. To switch an',
        "installed release from hpa to keda in one upgrade, set keda.transferHpaOwnership (see the README).",
      ]),
      leaf('minReplicas', autoscaling.minReplicas, int(1), 'Fewest replicas'),
      leaf('maxReplicas', autoscaling.maxReplicas, int(1), 'Most replicas'),
      leaf('targetCPUUtilizationPercentage', autoscaling.targetCPUUtilizationPercentage, int(0, 100), 'Average CPU use to aim at, in percent of resources.requests.cpu (0: not on CPU); with keda, a cpu trigger', [
        'Measured in percent of the request: the chart fails to render without resources.requests.cpu.',
      ]),
      leaf('targetMemoryUtilizationPercentage', autoscaling.targetMemoryUtilizationPercentage, int(0, 100), 'Average memory use to aim at, in percent of resources.requests.memory (0: not on memory); with keda, a memory trigger'),
      leaf('behavior', {}, hpaBehavior, 'Scaling behavior (autoscaling/v2 HorizontalPodAutoscalerBehavior: scaleUp, scaleDown); empty: the Kubernetes defaults; with keda, the HPA KEDA makes gets it', [
        'e.g. scaleDown: {stabilizationWindowSeconds: 600, policies: [{type: Pods, value: 1, periodSeconds: 60}]}',
      ]),
      group('keda', 'The KEDA ScaledObject (keda.sh/v1alpha1), while engine is keda', [
        leaf('triggers', autoscaling.keda.triggers, { type: 'array', items: kedaTrigger }, 'KEDA triggers, as KEDA ScaleTriggers objects (type, metadata, authenticationRef, metricType), beside the CPU and memory targets', [
          'e.g. [{type: rabbitmq, metadata: {queueName: jobs, mode: QueueLength, value: "20"}, authenticationRef: {name: rabbitmq-auth}}]',
        ]),
        leaf('pollingInterval', autoscaling.keda.pollingInterval, int(1), 'Seconds between checks of the triggers'),
        leaf('cooldownPeriod', autoscaling.keda.cooldownPeriod, int(0), 'Seconds after the last active trigger before KEDA scales back to minReplicas'),
        leaf('transferHpaOwnership', autoscaling.keda.transferHpaOwnership, bool, "Let KEDA take over the chart's HPA (annotation scaledobject.keda.sh/transfer-hpa-ownership), for a switch from hpa to keda in one upgrade"),
      ]),
    ]),
  ];
}
