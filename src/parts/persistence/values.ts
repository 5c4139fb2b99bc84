import type { ChartModel } from '../../model.ts';
import { kindTraits } from '../../kinds/traits.ts';
import { group, leaf, type ValueNode, type ValueSection } from '../../chart/values-tree.ts';
import { bool, pattern, quantity } from '../../chart/schemas.ts';
import { ABSOLUTE_PATH, OBJECT_NAME } from '../../validators.ts';

/** The part's section of values.yaml. */
export const values = (model: ChartModel): ValueSection[] => (model.persistence.enabled ? [{ title: 'Persistence', nodes: nodes(model) }] : []);

function nodes(model: ChartModel): ValueNode[] {
  const { persistence, workload } = model;
  const { claim } = kindTraits(workload.kind);
  const creates = claim !== 'none' && persistence.existingClaim === '';
  const nodes: ValueNode[] = [
    leaf('enabled', true, bool, 'Mount a persistent volume'),
    leaf('mountPath', persistence.mountPath, pattern(ABSOLUTE_PATH), 'Where the volume is mounted'),
  ];
  if (claim !== 'perPod') {
    nodes.push(leaf('existingClaim', persistence.existingClaim, pattern(OBJECT_NAME, true), creates ? 'Use this existing PersistentVolumeClaim instead of creating one' : 'The existing PersistentVolumeClaim to mount'));
  }
  if (creates) {
    nodes.push(
      leaf('size', persistence.size, quantity, 'Size of the volume'),
      leaf('accessModes', persistence.accessModes, { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['ReadWriteOnce', 'ReadWriteOncePod', 'ReadWriteMany', 'ReadOnlyMany'] } }, 'Access modes; ReadWriteOnce serves the pods of one node'),
      leaf('storageClass', persistence.storageClass, pattern(OBJECT_NAME, true), "StorageClass; empty: the cluster's default class"),
    );
  }
  const notes =
    claim === 'perPod'
      ? ['A claim per pod (volumeClaimTemplates). The claims outlive `helm uninstall`, with their data.']
      : creates
        ? ['The claim carries helm.sh/resource-policy: keep: it outlives `helm uninstall`, with its data.']
        : undefined;
  return [group('persistence', `Persistent storage${notes ? `. ${notes[0]}` : ''}`, nodes)];
}
