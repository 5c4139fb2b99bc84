import { boolean, choice, names, object, optional, Type } from '../../answers/fields.ts';
import { API_GROUP, API_RESOURCE, OBJECT_NAME, RBAC_VERBS } from '../../validators.ts';

/** One rule of the Role: exactly what it allows, no wildcards. */
export const policyRule = object(
  {
    apiGroups: names('API groups ("" is the core group)', API_GROUP),
    resources: names('Resources such as configmaps or pods/log', API_RESOURCE),
    verbs: Type.Array(choice(RBAC_VERBS, 'A verb (never *)'), { minItems: 1, uniqueItems: true, description: 'Verbs' }),
    resourceNames: optional(names('Only these objects', OBJECT_NAME)),
  },
  'One RBAC rule',
);

export const rbacAnswers = {
  rbac: optional(
    object(
      {
        rules: optional(
          Type.Array(policyRule, { minItems: 1, description: 'What the app may do with the Kubernetes API: exactly these rules, no wildcards' }),
        ),
        clusterWide: optional(boolean('A ClusterRole and ClusterRoleBinding instead of a Role and RoleBinding')),
      },
      'Access to the Kubernetes API; without rules the pods get no API token at all',
    ),
  ),
};
