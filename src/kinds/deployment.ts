import { kindTraits } from './traits.ts';
import { minReadySeconds, type WorkloadModule } from './kind.ts';
import type { ChartModel } from '../model.ts';
import { servesOneNode } from '../parts/persistence/access-modes.ts';
import { leaf } from '../chart/values-tree.ts';
import { int, intOrString, updateStrategy } from '../chart/schemas.ts';

/** A volume only one node can attach: pods must be replaced, not rolled beside each other. */
export const singleAttachVolume = (model: ChartModel) =>
  model.persistence.enabled &&
  model.persistence.existingClaim === '' &&
  servesOneNode(model.persistence.accessModes);

export const deployment: WorkloadModule = {
  ...kindTraits('Deployment'),
  files: [
    { path: 'templates/deployment.yaml' },
    { path: 'templates/pvc.yaml', when: (m) => m.persistence.enabled && m.persistence.existingClaim === '' },
  ],
  values: (model) => [
    leaf('replicaCount', model.workload.replicas, int(0), 'Pod count (ignored while autoscaling is on)'),
    leaf(
      'strategy',
      { type: singleAttachVolume(model) ? 'Recreate' : 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
      updateStrategy(['RollingUpdate', 'Recreate'], { maxSurge: intOrString, maxUnavailable: intOrString }),
      'How pods are replaced on upgrade; rollingUpdate applies to the RollingUpdate type only',
      [
        ...(singleAttachVolume(model) ? ['Recreate: a ReadWriteOnce volume attaches to one node, so the old pod must go first.'] : []),
        'maxUnavailable 0: a new pod is ready before an old one stops. The chart renders both fields, so',
        'every upgrade (three-way patch or server-side apply) sets them, and Recreate renders none.',
      ],
    ),
    minReadySeconds(),
  ],
};
