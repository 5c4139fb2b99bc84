import type { ChartModel } from '../../model.ts';
import { group, leaf, type ValueNode, type ValueSection } from '../../chart/values-tree.ts';
import { bool, labelMap, pattern, shared, str, type JsonSchema } from '../../chart/schemas.ts';
import { HTTP_PATH } from '../../validators.ts';
import { PORT_NAME } from '../extra-ports/ports.ts';
import { DURATION } from './scrape.ts';

/** The relabeling actions, in both spellings the Prometheus Operator's CRDs admit. */
const ACTIONS = ['replace', 'Replace', 'keep', 'Keep', 'drop', 'Drop', 'hashmod', 'HashMod', 'labelmap', 'LabelMap', 'labeldrop', 'LabelDrop',
  'labelkeep', 'LabelKeep', 'lowercase', 'Lowercase', 'uppercase', 'Uppercase', 'keepequal', 'KeepEqual', 'dropequal', 'DropEqual'];

/** A Prometheus Operator RelabelConfig. */
const relabelConfig = shared('relabelConfig', {
  type: 'object',
  additionalProperties: false,
  properties: {
    sourceLabels: { type: 'array', items: str },
    separator: str,
    targetLabel: str,
    regex: str,
    modulus: { type: 'integer', minimum: 0 },
    replacement: str,
    action: { enum: ACTIONS },
  },
});

const labelSelector = shared('labelSelector', {
  type: 'object',
  additionalProperties: false,
  properties: {
    matchLabels: labelMap,
    matchExpressions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['key', 'operator'],
        properties: { key: str, operator: { enum: ['In', 'NotIn', 'Exists', 'DoesNotExist'] }, values: { type: 'array', items: str } },
      },
    },
  },
});

/** A networking.k8s.io/v1 NetworkPolicyPeer. */
const peer: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    namespaceSelector: labelSelector,
    podSelector: labelSelector,
    ipBlock: { type: 'object', additionalProperties: false, required: ['cidr'], properties: { cidr: str, except: { type: 'array', items: str } } },
  },
};

const duration = (allowEmpty: boolean): JsonSchema => ({ ...pattern(DURATION, allowEmpty), ...(allowEmpty ? {} : { minLength: 1 }) });

/** The namespace kube-prometheus deploys Prometheus into, and most kube-prometheus-stack installs use. */
export const MONITORING_NAMESPACE = 'monitoring';

/** The part's section of values.yaml; none unless metrics are answered. */
export const values = (model: ChartModel): ValueSection[] => (model.metrics.enabled ? [{ title: 'Metrics', nodes: nodes(model) }] : []);

function nodes({ metrics, networkPolicy }: ChartModel): ValueNode[] {
  const service = metrics.monitor === 'ServiceMonitor';
  return [
    group('metrics', `Prometheus scraping through the Prometheus Operator: a ${metrics.monitor} (monitoring.coreos.com/v1)`, [
      leaf('enabled', true, bool, `Create the ${metrics.monitor} (needs the Prometheus Operator's CRDs)`),
      leaf('port', metrics.port, pattern(PORT_NAME), service ? 'Name of the Service port scraped' : 'Name of the container port scraped'),
      leaf('path', metrics.path, pattern(HTTP_PATH), 'HTTP path scraped'),
      group(service ? 'serviceMonitor' : 'podMonitor', service ? 'The ServiceMonitor: it scrapes the endpoints of the Service' : 'The PodMonitor: it scrapes the pods directly', [
        leaf('labels', {}, labelMap, 'More labels on it, for the Prometheus that selects it', [
          `kube-prometheus-stack's Prometheus selects only those labelled release: <its release name>, unless its prometheus.prometheusSpec.${service ? 'serviceMonitor' : 'podMonitor'}SelectorNilUsesHelmValues is false.`,
        ]),
        leaf('interval', metrics.interval, duration(false), 'How often Prometheus scrapes'),
        leaf('scrapeTimeout', '', duration(true), "How long a scrape may take, at most the interval; empty: Prometheus's default"),
        leaf('honorLabels', false, bool, "Keep the app's labels where they clash with the target's"),
        leaf('relabelings', [], { type: 'array', items: relabelConfig }, 'Relabelings of the target before the scrape, as RelabelConfig objects'),
        leaf('metricRelabelings', [], { type: 'array', items: relabelConfig }, 'Relabelings of the samples before they are stored, as RelabelConfig objects'),
      ]),
      group('networkPolicy', 'What the NetworkPolicy admits for the scrape', [
        leaf('from', [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': MONITORING_NAMESPACE } } }], { type: 'array', items: peer }, `Peers admitted on the metrics port only, as NetworkPolicyPeer objects; empty: none${networkPolicy.enabled ? '' : ' (networkPolicy.enabled is off)'}`, [
          `The default is the ${MONITORING_NAMESPACE} namespace, where kube-prometheus deploys Prometheus and most kube-prometheus-stack installs put it: set the namespace your Prometheus runs in.`,
        ]),
      ]),
    ]),
  ];
}
