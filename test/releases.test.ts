// Two releases of one chart in one namespace stay apart: no selector of one release (workload,
// Service, PodDisruptionBudget, NetworkPolicy, HPA target) selects the pods of the other.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { helms, helmTemplate } from './support/helm.ts';
import { exampleNames, freshChart } from './support/fresh-charts.ts';

const binaries = await helms();
const charts = exampleNames;

type Labels = Record<string, string>;
interface Selector {
  matchLabels?: Labels;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}
const WORKLOADS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'];

/** Kubernetes' label selector semantics; an empty selector selects every pod. */
function matches(selector: Selector, labels: Labels): boolean {
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const byExpressions = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    switch (operator) {
      case 'In':
        return key in labels && values.includes(labels[key]!);
      case 'NotIn':
        return !(key in labels) || !values.includes(labels[key]!);
      case 'Exists':
        return key in labels;
      default:
        return !(key in labels);
    }
  });
  return byLabels && byExpressions;
}

/** Every selector of a rendered release that picks its own pods, named by where it is. */
function selectors(docs: any[]): Array<[string, Selector]> {
  const out: Array<[string, Selector]> = [];
  for (const doc of docs) {
    const where = `${doc.kind} ${doc.metadata.name}`;
    if (WORKLOADS.includes(doc.kind) && doc.spec.selector) out.push([`${where} spec.selector`, doc.spec.selector]);
    if (doc.kind === 'Service' && doc.spec.selector) out.push([`${where} spec.selector`, { matchLabels: doc.spec.selector }]);
    if (doc.kind === 'PodDisruptionBudget') out.push([`${where} spec.selector`, doc.spec.selector]);
    if (doc.kind === 'NetworkPolicy') {
      out.push([`${where} spec.podSelector`, doc.spec.podSelector]);
      // Peers that name pods (the `helm test` pod), not whole namespaces ({} admits the namespace on purpose).
      for (const rule of doc.spec.ingress ?? []) {
        for (const peer of rule.from ?? []) {
          if (peer.podSelector && Object.keys(peer.podSelector).length > 0 && !peer.namespaceSelector) {
            out.push([`${where} ingress peer`, peer.podSelector]);
          }
        }
      }
    }
  }
  return out;
}

/** The labels of every pod a rendered release makes. */
function podLabels(docs: any[]): Array<[string, Labels]> {
  return docs.flatMap((doc): Array<[string, Labels]> => {
    if (doc.kind === 'Pod') return [[`Pod ${doc.metadata.name}`, doc.metadata.labels]];
    if (doc.kind === 'CronJob') return [[`CronJob ${doc.metadata.name}`, doc.spec.jobTemplate.spec.template.metadata.labels]];
    if (WORKLOADS.includes(doc.kind)) return [[`${doc.kind} ${doc.metadata.name}`, doc.spec.template.metadata.labels]];
    return [];
  });
}

const PAIRS: Array<[string, string]> = [
  ['blue', 'green'],
  ['shop', 'shop-2'],
];

for (const chart of charts) {
  test(`${chart}: two releases in one namespace never select each other's pods`, () => {
    for (const helm of binaries) {
      for (const [first, second] of PAIRS) {
        const render = (release: string) => {
          const rendered = helmTemplate(helm.bin, freshChart(chart), { releaseName: release, namespace: 'shared' });
          assert.ok(rendered.ok, rendered.output);
          return rendered.docs;
        };
        const a = render(first);
        const b = render(second);
        const own = podLabels(a);
        assert.ok(own.length > 0, 'renders pods');
        const aSelectors = selectors(a);
        const longRunning = a.some((d) => ['Deployment', 'StatefulSet', 'DaemonSet'].includes(d.kind));
        if (longRunning) assert.ok(aSelectors.some(([where]) => where.includes('spec.selector')), 'has a selector');
        assert.ok(aSelectors.length > 0, 'has a selector (at least the NetworkPolicy)');
        // Each workload's selector picks its own pods: the check below is not vacuous.
        for (const doc of a.filter((d) => WORKLOADS.includes(d.kind) && d.spec.selector)) {
          assert.ok(matches(doc.spec.selector, doc.spec.template.metadata.labels), `${doc.kind} selects its own pods`);
        }
        for (const [release, docs, others] of [[first, a, b], [second, b, a]] as const) {
          for (const [where, selector] of selectors(docs)) {
            for (const [pod, labels] of podLabels(others)) {
              assert.not.ok(matches(selector, labels), `${helm.version}: release ${release}'s ${where} selects ${pod}`);
            }
          }
          for (const target of docs.filter((d) => d.kind === 'HorizontalPodAutoscaler')) {
            const names = others.filter((d) => WORKLOADS.includes(d.kind)).map((d) => d.metadata.name);
            assert.not.ok(names.includes(target.spec.scaleTargetRef.name), `release ${release}'s HPA scales the other's workload`);
          }
        }
      }
    }
  });
}

test('the selector check can fail: a selector on the chart name alone selects the other release', () => {
  const rendered = helmTemplate(binaries[0]!.bin, freshChart('shop-api'), { releaseName: 'green' });
  const labels = podLabels(rendered.docs).find(([where]) => where.startsWith('Deployment'))![1];
  assert.ok(matches({ matchLabels: { 'app.kubernetes.io/name': 'shop-api' } }, labels));
  assert.not.ok(matches({ matchLabels: { 'app.kubernetes.io/name': 'shop-api', 'app.kubernetes.io/instance': 'blue' } }, labels));
});

test.run();
