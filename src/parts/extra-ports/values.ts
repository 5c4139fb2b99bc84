import type { ChartModel } from '../../model.ts';
import { leaf, type ValueSection } from '../../chart/values-tree.ts';
import { bool, int, type JsonSchema } from '../../chart/schemas.ts';
import { PORT_NAME, PORT_PROTOCOLS } from './ports.ts';

const extraPort: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'port'],
  properties: {
    name: { type: 'string', pattern: PORT_NAME.pattern, maxLength: PORT_NAME.maxLength },
    port: int(1, 65535),
    protocol: { enum: [...PORT_PROTOCOLS] },
    expose: bool,
  },
};

/** The part's section of values.yaml; none when the answers name no extra port. */
export const values = (model: ChartModel): ValueSection[] =>
  model.extraPorts.length === 0
    ? []
    : [
        {
          title: 'Extra ports',
          nodes: [
            leaf('extraPorts', model.extraPorts, { type: 'array', items: extraPort }, 'More container ports of the app: {name, port, protocol (TCP or UDP, default TCP), expose}', [
              model.service.enabled
                ? 'expose: true also makes it a port of the Service, which the NetworkPolicy admits like the service port, from the same peers; an unexposed port is admitted from nowhere (the metrics port: from metrics.networkPolicy.from).'
                : 'No Service: these are container ports only, which the NetworkPolicy admits from nowhere (the metrics port: from metrics.networkPolicy.from).',
            ]),
          ],
        },
      ];
