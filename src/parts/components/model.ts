import type { Answers, ChartModel, ModelContext } from '../../model.ts';
import { toModel } from '../../model.ts';

/** A component: a workload of the chart beside the main one. Its model is a whole chart model built
 * by the same part model functions, from the chart's answers with the component's own in place of
 * the workload's (COMPONENT_KEYS); only COMPONENT_PARTS of it are read, the chart-wide parts (names,
 * config, secrets, ingress, ...) are the main model's. */
export interface ComponentModel {
  name: string;
  model: ChartModel;
}

/** A path the Ingress or the HTTPRoute sends to a component's Service. */
export interface Route {
  path: string;
  component: string;
}

/** The answers a component gives for itself; the others are the chart's. */
export const COMPONENT_KEYS = ['image', 'workload', 'service', 'extraPorts', 'probes', 'resources', 'metrics', 'persistence', 'autoscaling'] as const;

/** The parts each component has of its own values and files. */
export const COMPONENT_PARTS: ReadonlySet<string> = new Set([
  'image',
  'workload',
  'pod',
  'podDisruptionBudget',
  'service',
  'extraPorts',
  'metrics',
  'persistence',
  'autoscaling',
]);

/** Parts whose files each component gets too, from the chart's shared values: the NetworkPolicy
 * (one per component, selecting its pods, its port). */
export const COMPONENT_FILE_PARTS: ReadonlySet<string> = new Set([...COMPONENT_PARTS, 'networkPolicy']);

type ComponentAnswers = NonNullable<Answers['components']>[string];

/** The answers a component is modelled from: the chart's, less the workload's own keys, with the
 * component's own; its image defaults to the chart's; config and secrets unless it said false. */
export function componentAnswers(answers: Answers, own: ComponentAnswers): Answers {
  const chartWide = Object.fromEntries(
    Object.entries(answers).filter(([key]) => !(COMPONENT_KEYS as readonly string[]).includes(key) && key !== 'components'),
  ) as Partial<Answers>;
  const { config, secrets, ...workload } = own;
  if (config === false) delete chartWide.config;
  if (secrets === false) delete chartWide.secrets;
  return { ...chartWide, image: answers.image, ...workload } as Answers;
}

export const model = (answers: Answers, { chartVersion }: ModelContext): Pick<ChartModel, 'components'> => ({
  components: Object.entries(answers.components ?? {}).map(([name, own]) => ({
    name,
    model: toModel(componentAnswers(answers, own), chartVersion),
  })),
});

export const componentsOf = (model: ChartModel): ComponentModel[] => model.components;
