import type { ChartModel } from '../../model.ts';
import { group, leaf, type ValueNode, type ValueSection } from '../../chart/values-tree.ts';
import { bool, k8s, intOrString } from '../../chart/schemas.ts';

/** The part's section of values.yaml. */
export const values = (model: ChartModel): ValueSection[] => (model.workload.replicated ? [{ title: 'Disruption budget', nodes: nodes() }] : []);

function nodes(): ValueNode[] {
  return [
    group('podDisruptionBudget', 'A PodDisruptionBudget (policy/v1), rendered while more than one replica runs', [
      leaf('enabled', true, bool, 'Create the PodDisruptionBudget'),
      leaf('maxUnavailable', 1, intOrString, 'Pods a voluntary disruption (a node drain) may take down at once', [
        'Never 0: the API accepts it, but then no drain or node upgrade ever finishes (k8s-chart check reports it).',
      ]),
    ]),
  ];
}
