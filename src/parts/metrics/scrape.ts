// How Prometheus scrapes the app, said once for the answers, the values and the questions: the form
// of a scrape interval, and which monitor scrapes the metrics port.
import type { Answers } from '../../model.ts';
import type { KindTraits } from '../../kinds/traits.ts';
import { givenExtraPorts, mainPortName } from '../extra-ports/ports.ts';

/** A Prometheus duration as the Prometheus Operator's CRDs admit it (e.g. 30s, 1m30s), not empty. */
export const DURATION = {
  pattern: '^(0|([0-9]+y)?([0-9]+w)?([0-9]+d)?([0-9]+h)?([0-9]+m)?([0-9]+s)?([0-9]+ms)?)$',
  message: 'must be a Prometheus duration such as 30s or 1m30s (units y, w, d, h, m, s, ms, largest first)',
};

export const DEFAULT_PATH = '/metrics';
export const DEFAULT_INTERVAL = '30s';

export type Monitor = 'ServiceMonitor' | 'PodMonitor';

/** The ports Prometheus can scrape by name: the Service's main port and its exposed extra ports
 * (a ServiceMonitor), and the app container's other TCP ports (a PodMonitor). */
export function scrapablePorts(given: Partial<Answers>, kind: KindTraits): { name: unknown; monitor: Monitor; protocol: unknown }[] {
  const service = kind.longRunning && given.service?.port !== undefined;
  return [
    ...(service ? [{ name: mainPortName(given), monitor: 'ServiceMonitor' as const, protocol: 'TCP' }] : []),
    ...givenExtraPorts(given).map((port) => ({
      name: port.name,
      monitor: service && port.expose === true ? ('ServiceMonitor' as const) : ('PodMonitor' as const),
      protocol: port.protocol ?? 'TCP',
    })),
  ];
}
