import type { RuleContext } from '../part.ts';
import type { Problem } from '../../answers/problem.ts';
import { kindNames } from '../../kinds/traits.ts';
import { scrapablePorts } from './scrape.ts';

/** The port scraped is a TCP port of the chart, on pods that keep running. */
export function metricsRules({ given, kind }: RuleContext): Problem[] {
  const metrics = given.metrics;
  if (metrics === undefined || metrics.enabled === false) return [];
  if (!kind.longRunning) {
    return [{ path: 'metrics', message: `a ${kind.kind}'s pods finish between scrapes: scrape a ${kindNames((traits) => traits.longRunning)}, or push a Job's metrics to a Pushgateway` }];
  }
  const ports = scrapablePorts(given, kind);
  const names = ports.map((port) => port.name).filter((name) => typeof name === 'string');
  const known = names.length ? `(${names.join(', ')})` : '(it has none: set service.port or add extraPorts)';
  if (metrics.port === undefined) return [{ path: 'metrics.port', message: `required: the name of the port Prometheus scrapes ${known}` }];
  const port = ports.find((scrapable) => scrapable.name === metrics.port);
  if (port === undefined) return [{ path: 'metrics.port', message: `"${metrics.port}" is not a port of the chart ${known}` }];
  if (port.protocol !== 'TCP') return [{ path: 'metrics.port', message: `"${metrics.port}" is a ${port.protocol} port: Prometheus scrapes over TCP` }];
  return [];
}
