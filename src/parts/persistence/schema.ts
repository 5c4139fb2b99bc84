import { boolean, choice, mountPath, object, optional, text, Type } from '../../answers/fields.ts';
import { ACCESS_MODES } from '../../answers/choices.ts';
import { OBJECT_NAME, QUANTITY } from '../../validators.ts';

export const persistenceAnswers = {
  persistence: optional(
    object(
      {
        enabled: optional(boolean('Give the pods a persistent volume')),
        size: optional(text(QUANTITY, 'Volume size (default 1Gi)')),
        mountPath: optional(mountPath('Where the volume is mounted (default /data)')),
        accessModes: optional(
          Type.Array(choice(ACCESS_MODES, 'Access mode'), { minItems: 1, uniqueItems: true, description: 'Access modes (default [ReadWriteOnce])' }),
        ),
        storageClass: optional(text(OBJECT_NAME, "StorageClass (default: the cluster's default class)")),
        existingClaim: optional(text(OBJECT_NAME, 'Use this existing PersistentVolumeClaim instead of creating one')),
      },
      'Storage: a claim per pod for a StatefulSet, one claim for a Deployment, an existing claim for other kinds',
    ),
  ),
};
