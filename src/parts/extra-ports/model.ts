import type { Answers, ChartModel } from '../../model.ts';
import type { PortProtocol } from './ports.ts';

/** A container port beside service.port; exposed, also a port of the Service. */
export interface ExtraPortModel {
  name: string;
  port: number;
  protocol: PortProtocol;
  expose: boolean;
}

export const model = ({ extraPorts = [] }: Answers): Pick<ChartModel, 'extraPorts'> => ({
  extraPorts: extraPorts.map(({ name, port, protocol, expose }) => ({ name, port, protocol: protocol ?? 'TCP', expose: expose ?? false })),
});
