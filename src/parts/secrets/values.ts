import type { ChartModel } from '../../model.ts';
import { group, leaf, type ValueNode, type ValueSection } from '../../chart/values-tree.ts';
import { bool, pattern } from '../../chart/schemas.ts';
import { ABSOLUTE_PATH, ENV_VAR_NAME, OBJECT_NAME } from '../../validators.ts';

/** The part's section of values.yaml. */
export const values = (model: ChartModel): ValueSection[] => (model.secrets.enabled ? [{ title: 'Secrets', nodes: nodes(model) }] : []);

function nodes(model: ChartModel): ValueNode[] {
  return [
    group('secrets', 'A Secret given to the app as environment variables, kept across upgrades and uninstall', [
      leaf('enabled', true, bool, 'Create the Secret'),
      leaf('keys', model.secrets.keys, { type: 'array', uniqueItems: true, items: pattern(ENV_VAR_NAME) }, 'Secret key names'),
      ...(model.secrets.provided.length
        ? [leaf('provided', model.secrets.provided, { type: 'array', uniqueItems: true, items: pattern(ENV_VAR_NAME) }, "Keys whose values you provide (an external system's credential): never generated; installing without secrets.values.KEY fails, an upgrade keeps the value in the cluster")]
        : []),
      leaf('values', {}, {
        type: 'object',
        propertyNames: { pattern: ENV_VAR_NAME.pattern },
        additionalProperties: { type: 'string' },
      }, 'Values for the keys, set at install (--set secrets.values.KEY=...); a key without one gets a random value on first install, kept on upgrade', [
        'Never commit secret values here. The pods roll when a value given here changes.',
      ]),
      leaf('mountPath', model.secrets.mountPath, pattern(ABSOLUTE_PATH, true), 'Mount the keys as files in this folder (one file per key) instead of environment variables'),
      leaf('existingSecret', model.secrets.existingSecret, pattern(OBJECT_NAME, true), 'Use this Secret, managed elsewhere (it must hold the keys), and render none', [
        'The way for GitOps tools that render without a cluster, where generated values would change on every render.',
      ]),
      ...(model.secrets.externalSecret.enabled
        ? [
            group('externalSecret', 'An ExternalSecret (external-secrets.io/v1) fills the Secret from a secret store, instead of values or generated ones', [
              leaf('enabled', true, bool, 'Render the ExternalSecret instead of the Secret'),
              leaf('secretStoreRef', { name: model.secrets.externalSecret.storeName, kind: model.secrets.externalSecret.storeKind }, {
                type: 'object',
                additionalProperties: false,
                required: ['name', 'kind'],
                properties: { name: pattern(OBJECT_NAME), kind: { enum: ['ClusterSecretStore', 'SecretStore'] } },
              }, 'The store to read from'),
              leaf('remoteKey', model.secrets.externalSecret.remoteKey, { type: 'string', minLength: 1 }, 'The key in the store; each secret key is one of its properties'),
              leaf('refreshInterval', '1h', { type: 'string', pattern: '^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$' }, 'How often the values are fetched again'),
            ]),
          ]
        : []),
    ]),
  ];
}
