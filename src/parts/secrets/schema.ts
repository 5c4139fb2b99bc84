import { boolean, choice, mountPath, object, optional, text, Type } from '../../answers/fields.ts';
import { SECRET_STORE_KINDS } from '../../answers/choices.ts';
import { ENV_VAR_NAME, OBJECT_NAME } from '../../validators.ts';

const keyNames = (description: string) => Type.Array(text(ENV_VAR_NAME, 'Secret key name'), { description, uniqueItems: true });

/** The external-secrets part's answers: secrets.externalSecret. */
const externalSecret = object(
  {
    storeName: text(OBJECT_NAME, 'The external-secrets SecretStore or ClusterSecretStore to read from'),
    storeKind: optional(choice(SECRET_STORE_KINDS, 'Its kind (default ClusterSecretStore)')),
    remoteKey: optional(
      Type.String({ minLength: 1, description: 'The key in the store that holds the values, one property per key (default: the chart name)' }),
    ),
  },
  'An ExternalSecret (external-secrets.io/v1) fills the Secret from a secret store',
);

export const secretsAnswers = {
  secrets: optional(
    object(
      {
        enabled: optional(boolean('Render a Secret kept across upgrades and uninstall')),
        keys: optional(keyNames('Secret key names (never values)')),
        provided: optional(
          keyNames(
            "Keys of secrets.keys whose values you provide (an external system's credential): never generated; the chart refuses to install without them, and an upgrade keeps the value in the cluster",
          ),
        ),
        mountPath: optional(mountPath('Mount the keys as files here instead of environment variables')),
        existingSecret: optional(text(OBJECT_NAME, 'Use this Secret, managed elsewhere, instead of one of the chart')),
        externalSecret: optional(externalSecret),
      },
      'A Secret whose values are set at install or generated',
    ),
  ),
};
