import { boolean, choice, integer, object, optional, text, Type } from '../../answers/fields.ts';
import { PORT_NAME, PORT_PROTOCOLS } from './ports.ts';

export const extraPortsAnswers = {
  extraPorts: optional(
    Type.Array(
      object(
        {
          name: text(PORT_NAME, 'The port name (e.g. metrics, admin): probes, the metrics part and the NetworkPolicy use it'),
          port: integer(1, 65535, 'The container port'),
          protocol: optional(choice(PORT_PROTOCOLS, 'TCP or UDP (default TCP)')),
          expose: optional(boolean('Also a port of the Service (default false: only the container port)')),
        },
        'A container port beside service.port',
      ),
      { minItems: 1, description: 'More container ports beside service.port, e.g. metrics 9090 or admin 9091' },
    ),
  ),
};
