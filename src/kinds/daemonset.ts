import { kindTraits } from './traits.ts';
import { minReadySeconds, type WorkloadModule } from './kind.ts';
import { leaf } from '../chart/values-tree.ts';
import { bool, int, intOrString, updateStrategy } from '../chart/schemas.ts';

export const daemonSet: WorkloadModule = {
  ...kindTraits('DaemonSet'),
  files: [{ path: 'templates/daemonset.yaml' }],
  values: (model) => [
    leaf(
      'updateStrategy',
      { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } },
      updateStrategy(['RollingUpdate', 'OnDelete'], { maxUnavailable: intOrString, maxSurge: intOrString }),
      'How pods are replaced on upgrade, node by node',
    ),
    minReadySeconds(),
    leaf('hostNetwork', false, bool, "Run the pods in the node's network namespace", [
      'hostNetwork, hostPort and hostPath volumes (extraVolumes) are for node agents only: each needs the',
      'namespace at the Pod Security "privileged" level (the "baseline" level forbids them).',
    ]),
    ...(model.service.enabled
      ? [leaf('hostPort', 0, int(0, 65535), 'Also expose the container port on each node at this port (0: none)')]
      : []),
  ],
};
