import { kindTraits } from './traits.ts';
import { minReadySeconds, type WorkloadModule } from './kind.ts';
import { leaf } from '../chart/values-tree.ts';
import { int, updateStrategy } from '../chart/schemas.ts';

export const statefulSet: WorkloadModule = {
  ...kindTraits('StatefulSet'),
  files: [{ path: 'templates/statefulset.yaml' }, { path: 'templates/service-headless.yaml' }],
  values: (model) => [
    leaf('replicaCount', model.workload.replicas, int(0), 'Pod count (ignored while autoscaling is on)'),
    leaf('podManagementPolicy', 'OrderedReady', { enum: ['OrderedReady', 'Parallel'] }, 'Start and stop pods one by one (OrderedReady) or all at once (Parallel)', [
      'Fixed at install: Kubernetes refuses to change podManagementPolicy, serviceName, the selector and',
      'volumeClaimTemplates of a StatefulSet; to change them, delete the StatefulSet with --cascade=orphan first.',
    ]),
    leaf(
      'updateStrategy',
      { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      updateStrategy(['RollingUpdate', 'OnDelete'], { partition: int(0) }),
      'How pods are replaced on upgrade',
    ),
    minReadySeconds(),
  ],
};
