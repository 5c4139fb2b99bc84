import type { Answers, ChartModel } from '../../model.ts';
import type { AccessMode } from '../../answers/choices.ts';

export interface PersistenceModel {
  enabled: boolean;
  size: string;
  mountPath: string;
  accessModes: AccessMode[];
  storageClass: string;
  existingClaim: string;
}

/** A persistence section switches it on unless it says enabled: false. */
export const model = ({ persistence }: Answers): Pick<ChartModel, 'persistence'> => ({
  persistence: {
    enabled: persistence?.enabled ?? persistence !== undefined,
    size: persistence?.size ?? '1Gi',
    mountPath: persistence?.mountPath ?? '/data',
    accessModes: persistence?.accessModes ?? ['ReadWriteOnce'],
    storageClass: persistence?.storageClass ?? '',
    existingClaim: persistence?.existingClaim ?? '',
  },
});
