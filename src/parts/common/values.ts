import type { ChartModel } from '../../model.ts';
import { group, leaf, type ValueNode, type ValueSection } from '../../chart/values-tree.ts';
import { pattern, type JsonSchema, str, stringMap, labelMap } from '../../chart/schemas.ts';
import { pullSecretList } from '../image/values.ts';
import { NAME_OVERRIDE } from '../../validators.ts';

/** The part's section of values.yaml. */
export const values = (_model: ChartModel): ValueSection[] => [{ title: 'Common', nodes: nodes() }];

const registry: JsonSchema = { type: 'string', pattern: '^$|^(localhost|[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*)(:[0-9]+)?(/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*/?$' };

function globalNodes(): ValueNode[] {
  return [
    group('global', "Values shared with a parent chart, read as Bitnami's charts read them (other keys a parent passes are admitted)", [
      leaf('imageRegistry', '', registry, "Registry of every image of the chart (the app's and the `helm test` pod's), replacing the one in its repository, e.g. a mirror"),
      leaf('imagePullSecrets', [], pullSecretList, "Pull secrets for every pod of the chart, before the chart's own imagePullSecrets: names, or {name} maps"),
      group('compatibility', 'Adapting the chart to a kind of cluster', [
        group('openshift', 'OpenShift', [
          leaf('adaptSecurityContext', 'auto', { enum: ['auto', 'force', 'disabled'] }, 'Leave out the fixed runAsUser, runAsGroup, fsGroup and seLinuxOptions, which OpenShift assigns: auto (when the cluster serves security.openshift.io/v1), force, or disabled', [
          'helm template sees no cluster: pass --api-versions security.openshift.io/v1 to render for OpenShift.',
        ]),
        ]),
      ]),
    ]),
  ];
}

function nodes(): ValueNode[] {
  return [
    ...globalNodes(),
    leaf('nameOverride', '', { ...pattern(NAME_OVERRIDE, true), maxLength: NAME_OVERRIDE.maxLength }, 'Replaces the chart name in object names (a DNS label)'),
    leaf('fullnameOverride', '', { ...pattern(NAME_OVERRIDE, true), maxLength: NAME_OVERRIDE.maxLength }, 'Replaces the whole object name prefix (a DNS label)'),
    leaf('commonLabels', {}, labelMap, 'Labels added to every object the chart renders and to its pod templates; never to a selector', [
      "The chart's own labels (app.kubernetes.io/*, helm.sh/chart) win over a commonLabel of the same key.",
    ]),
    leaf('commonAnnotations', {}, stringMap, "Annotations added to every object the chart renders (not to the pod templates: use podAnnotations); an object's own annotations win"),
    leaf('extraDeploy', [], { type: 'array', items: { anyOf: [{ type: 'object' }, { type: 'string' }] } }, "More manifests to deploy with the release: maps or strings, each rendered through tpl, so .Release.Name and the chart's helpers work inside"),
  ];
}
