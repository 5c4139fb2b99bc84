import type { ChartModel } from '../../model.ts';
import { group, leaf, type ValueNode, type ValueSection } from '../../chart/values-tree.ts';
import { bool, pattern, resources, str, stringMap } from '../../chart/schemas.ts';
import { API_GROUP, API_RESOURCE, OBJECT_NAME, RBAC_VERBS } from '../../validators.ts';

/** The part's section of values.yaml. */
export const values = (model: ChartModel): ValueSection[] => [{ title: 'ServiceAccount', nodes: nodes(model) }];

function nodes(model: ChartModel): ValueNode[] {
  const { rbac } = model;
  const nodes: ValueNode[] = [
    group('serviceAccount', 'The ServiceAccount the pods run as', [
      leaf('create', true, bool, 'Create a ServiceAccount'),
      leaf('name', '', pattern(OBJECT_NAME, true), 'Its name; empty means the chart fullname'),
      leaf('annotations', {}, stringMap, 'Annotations, e.g. for cloud workload identity'),
      leaf('automount', rbac.enabled, bool, 'Mount an API token into the pods', [
        rbac.enabled
          ? 'On: the app calls the Kubernetes API, with exactly the rights in rbac.rules.'
          : 'Off: the app does not call the Kubernetes API, so a stolen pod cannot either.',
      ]),
    ]),
  ];
  if (rbac.enabled) {
    nodes.push(
      group('rbac', `A ${rbac.clusterWide ? 'ClusterRole and ClusterRoleBinding' : 'Role and RoleBinding'} for the ServiceAccount: least privilege`, [
        leaf('create', true, bool, 'Create the role and its binding'),
        leaf('rules', rbac.rules, {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['apiGroups', 'resources', 'verbs'],
            properties: {
              apiGroups: { type: 'array', items: pattern(API_GROUP) },
              resources: { type: 'array', items: pattern(API_RESOURCE) },
              verbs: { type: 'array', items: { enum: RBAC_VERBS } },
              resourceNames: { type: 'array', items: str },
            },
          },
        }, 'The API rights of the app; the schema refuses "*"'),
      ]),
    );
  }
  return nodes;
}
