import type { Answers } from '../../model.ts';
import { isLongRunning } from '../../kinds/questions.ts';
import { DEFAULT_KIND, findKind, kindTraits } from '../../kinds/traits.ts';
import { both, type QuestionStep } from '../../prompts.ts';
import { validateHttpPath, validatePort } from '../../validators.ts';
import { DEFAULT_PATH, scrapablePorts } from './scrape.ts';

/** The name a port of its own for the metrics gets. */
const METRICS_PORT = 'metrics';
const OWN_PORT = 'a port of its own (a PodMonitor scrapes the pods)';

/** Prometheus scraping, after the health checks: whether, which port (one of the chart's, or a new
 * extra port), which path. A Job's pods finish between scrapes: for them it is not asked. */
export const metricsQuestions: QuestionStep = {
  applies: isLongRunning,
  forget(answers) {
    delete answers.metrics;
  },
  async ask({ answers, again, confirm, input, select }) {
    if (answers.metrics !== undefined && !again('health checks')) return;
    const was: NonNullable<Answers['metrics']> = answers.metrics ?? {};
    if (!(await confirm('metrics', 'Expose Prometheus metrics?', answers.metrics !== undefined && was.enabled !== false))) {
      answers.metrics = { enabled: false };
      return;
    }
    const kind = findKind(answers.workload?.kind) ?? kindTraits(DEFAULT_KIND);
    const names = scrapablePorts(answers, kind)
      .filter((port) => port.protocol === 'TCP')
      .map((port) => String(port.name));
    const choices = names.includes(METRICS_PORT) ? names : [...names, OWN_PORT];
    let port = await select('metricsPort', 'Which port serves them?', choices, was.port ?? choices[0]!);
    if (port === OWN_PORT) {
      const taken = [answers.service?.port, ...(answers.extraPorts ?? []).map((extra) => extra.port)];
      const free = (value: string) => (taken.includes(Number(value)) ? `${value} is a port of the chart already` : true);
      const number = Number(await input('metricsPortNumber', `Its container port (named ${METRICS_PORT})`, both(validatePort, free), '9090'));
      answers.extraPorts = [...(answers.extraPorts ?? []), { name: METRICS_PORT, port: number }];
      port = METRICS_PORT;
    }
    const path = await input('metricsPath', 'Which path?', validateHttpPath, was.path ?? DEFAULT_PATH);
    const { enabled: _, port: __, path: ___, ...rest } = was;
    answers.metrics = { ...rest, port, ...(path !== DEFAULT_PATH || was.path !== undefined ? { path } : {}) };
  },
};
