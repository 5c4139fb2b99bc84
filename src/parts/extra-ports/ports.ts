// What the extra ports and the metrics part both read: the form of a port name, and the chart's
// ports as the answers give them (the main port, while there is a Service, and the extra ports).
import type { Answers } from '../../model.ts';
import { portProtocol, type ServiceProtocol } from '../../protocols.ts';
import type { Check } from '../../validators.ts';

/** A port name as Kubernetes admits it (IANA_SVC_NAME): at most 15 lowercase letters, digits and
 * single inner "-", with at least one letter. Written without lookaround: Helm checks
 * values.schema.json with Go's regexp. */
export const PORT_NAME = {
  pattern: '^([0-9]+-)*[0-9]*[a-z][a-z0-9]*(-[a-z0-9]+)*$',
  maxLength: 15,
  message: 'must be a port name: at most 15 lowercase letters, digits and "-" (not at either end, never "--"), with at least one letter',
};

export const validatePortName: Check = (value) =>
  new RegExp(PORT_NAME.pattern).test(value) && value.length <= PORT_NAME.maxLength ? true : PORT_NAME.message;

export const PORT_PROTOCOLS = ['TCP', 'UDP'] as const;
export type PortProtocol = (typeof PORT_PROTOCOLS)[number];

type ExtraPortAnswer = NonNullable<Answers['extraPorts']>[number];

/** The extra ports as given, of the right shape only: rules also run on answers the schema refused. */
export const givenExtraPorts = (given: Partial<Answers>): Partial<ExtraPortAnswer>[] =>
  Array.isArray(given.extraPorts) ? given.extraPorts.filter((port): port is ExtraPortAnswer => typeof port === 'object' && port !== null) : [];

/** The main port's name, as the Service, the probes and the NetworkPolicy call it. */
export const mainPortName = (given: Partial<Answers>): string => portProtocol(given.service?.protocol as ServiceProtocol | undefined).name;
