import type { Answers, ChartModel } from '../../model.ts';
import type { SecretStoreKind } from '../../answers/choices.ts';

/** The Secret, and the ExternalSecret (the external-secret part) that fills it from a store. */
export interface SecretsModel {
  enabled: boolean;
  keys: string[];
  /** Keys whose values the user provides: never generated. */
  provided: string[];
  mountPath: string;
  existingSecret: string;
  externalSecret: { enabled: boolean; storeName: string; storeKind: SecretStoreKind; remoteKey: string };
}

/** Whether the answers give the chart a Secret: keys or an existing Secret, unless enabled: false. */
export const secretsOn = ({ secrets = {} }: Partial<Answers>): boolean =>
  secrets.enabled ?? ((secrets.keys ?? []).length > 0 || secrets.existingSecret !== undefined);

export const model = ({ secrets = {}, name }: Answers): Pick<ChartModel, 'secrets'> => ({
  secrets: {
    enabled: secretsOn({ secrets }),
    keys: secrets.keys ?? [],
    provided: secrets.provided ?? [],
    mountPath: secrets.mountPath ?? '',
    existingSecret: secrets.existingSecret ?? '',
    externalSecret: {
      enabled: secrets.externalSecret !== undefined,
      storeName: secrets.externalSecret?.storeName ?? '',
      storeKind: secrets.externalSecret?.storeKind ?? 'ClusterSecretStore',
      remoteKey: secrets.externalSecret?.remoteKey ?? name,
    },
  },
});
