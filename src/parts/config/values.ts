import type { ChartModel } from '../../model.ts';
import { group, leaf, type ValueNode, type ValueSection } from '../../chart/values-tree.ts';
import { bool, pattern } from '../../chart/schemas.ts';
import { ABSOLUTE_PATH, CONFIG_KEY } from '../../validators.ts';

/** The part's section of values.yaml. */
export const values = (model: ChartModel): ValueSection[] => (model.config.enabled ? [{ title: 'Configuration', nodes: nodes(model) }] : []);

function nodes(model: ChartModel): ValueNode[] {
  return [
    group('config', 'Configuration in a ConfigMap, given to the app as environment variables', [
      leaf('enabled', true, bool, 'Create the ConfigMap'),
      leaf('data', model.config.data, {
        type: 'object',
        propertyNames: { pattern: CONFIG_KEY.pattern },
        additionalProperties: { type: 'string' },
      }, 'ConfigMap entries; the pods roll when one changes'),
      leaf('mountPath', model.config.mountPath, pattern(ABSOLUTE_PATH, true), 'Mount the entries as files in this folder (one file per key) instead of environment variables'),
    ]),
  ];
}
