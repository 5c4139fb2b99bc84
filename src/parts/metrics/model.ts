import type { Answers, ChartModel } from '../../model.ts';
import type { ModelContext } from '../part.ts';
import { DEFAULT_INTERVAL, DEFAULT_PATH, scrapablePorts, type Monitor } from './scrape.ts';

export interface MetricsModel {
  enabled: boolean;
  /** The name of the port scraped. */
  port: string;
  path: string;
  interval: string;
  /** A ServiceMonitor where the Service has the port, else a PodMonitor (a worker has no Service). */
  monitor: Monitor;
}

export const model = (answers: Answers, { kind }: ModelContext): Pick<ChartModel, 'metrics'> => {
  const metrics = answers.metrics;
  const port = metrics?.port ?? '';
  return {
    metrics: {
      enabled: metrics !== undefined && metrics.enabled !== false,
      port,
      path: metrics?.path ?? DEFAULT_PATH,
      interval: metrics?.interval ?? DEFAULT_INTERVAL,
      monitor: scrapablePorts(answers, kind).find((scrapable) => scrapable.name === port)?.monitor ?? 'PodMonitor',
    },
  };
};
