import { boolean, object, optional, text } from '../../answers/fields.ts';
import { HTTP_PATH } from '../../validators.ts';
import { PORT_NAME } from '../extra-ports/ports.ts';
import { DURATION } from './scrape.ts';

export const metricsAnswers = {
  metrics: optional(
    object(
      {
        enabled: optional(boolean('Prometheus scrapes the app through the Prometheus Operator (default true)')),
        port: optional(text(PORT_NAME, "The name of the port it scrapes: the main port's (e.g. http) or an extraPorts name; required")),
        path: optional(text(HTTP_PATH, 'The path it scrapes (default /metrics)')),
        interval: optional(text(DURATION, 'How often (default 30s)')),
      },
      'Prometheus scraping: a ServiceMonitor where the Service has the port, else a PodMonitor',
    ),
  ),
};
