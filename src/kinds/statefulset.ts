import { kindTraits } from './traits.ts';
import { minReadySeconds, revisionHistoryLimit, type WorkloadModule } from './kind.ts';
import { group, leaf } from '../chart/values-tree.ts';
import { int, updateStrategy } from '../chart/schemas.ts';

const retention = { enum: ['Retain', 'Delete'] };

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
    revisionHistoryLimit(),
    ...(model.persistence.enabled
      ? [
          group('persistentVolumeClaimRetentionPolicy', "What becomes of the pods' claims (volumeClaimTemplates)", [
            leaf('whenDeleted', 'Retain', retention, 'When the StatefulSet is deleted (helm uninstall): Retain keeps the claims and their data, Delete deletes them'),
            leaf('whenScaled', 'Retain', retention, 'When replicaCount goes down: Retain keeps the claims of the removed pods for a scale-up, Delete deletes them'),
          ]),
        ]
      : []),
  ],
};
