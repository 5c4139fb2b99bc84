import { boolean, map, mountPath, object, optional, scalar } from '../../answers/fields.ts';
import { CONFIG_KEY } from '../../validators.ts';

export const configAnswers = {
  config: optional(
    object(
      {
        enabled: optional(boolean('Render a ConfigMap; the pods roll when it changes')),
        data: optional(map(CONFIG_KEY, scalar(), 'ConfigMap entries, key to value')),
        mountPath: optional(mountPath('Mount the entries as files here instead of environment variables')),
      },
      'Configuration as a ConfigMap',
    ),
  ),
};
