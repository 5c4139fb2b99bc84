import type { ChartModel } from '../../model.ts';
import { group, leaf, type ValueNode, type ValueSection } from '../../chart/values-tree.ts';
import { bool, quantity, resourceList, resources } from '../../chart/schemas.ts';

/** The part's section of values.yaml. */
export const values = (_model: ChartModel): ValueSection[] => [{ title: 'Namespace', nodes: nodes() }];

function nodes(): ValueNode[] {
  return [
    group('namespacePolicy', 'Opt-in limits for the release namespace; the chart does not own the namespace itself', [
      group('resourceQuota', 'A ResourceQuota: the most the namespace may request', [
        leaf('enabled', false, bool, 'Create the ResourceQuota'),
        leaf('hard', { 'requests.cpu': '4', 'requests.memory': '8Gi', 'limits.memory': '16Gi', pods: '50' }, { type: 'object', additionalProperties: quantity }, 'Quota limits'),
      ]),
      group('limitRange', 'A LimitRange: defaults for containers that set no resources', [
        leaf('enabled', false, bool, 'Create the LimitRange'),
        leaf('defaultRequest', { cpu: '100m', memory: '128Mi' }, resourceList, 'Default requests'),
        leaf('default', { memory: '256Mi' }, resourceList, 'Default limits'),
      ]),
    ]),
  ];
}
