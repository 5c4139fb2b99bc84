import { map, object, optional, text, Type } from '../../answers/fields.ts';
import { COMPONENT_NAME, HTTP_PATH } from '../../validators.ts';
import { imageAnswers } from '../image/schema.ts';
import { workloadAnswers } from '../../kinds/schema.ts';
import { serviceAnswers } from '../service/schema.ts';
import { probesAnswers, resourcesAnswers } from '../pod/schema.ts';
import { persistenceAnswers } from '../persistence/schema.ts';
import { autoscalingAnswers } from '../autoscaling/schema.ts';
import { extraPortsAnswers } from '../extra-ports/schema.ts';
import { metricsAnswers } from '../metrics/schema.ts';

/** What a component answers for its own workload: the top level's own fragments, so a key means the
 * same in both places; `config: false` / `secrets: false` leave it without the chart's. */
export const componentAnswers = object(
  {
    image: optional(imageAnswers.image),
    ...workloadAnswers,
    ...serviceAnswers,
    ...extraPortsAnswers,
    ...probesAnswers,
    ...resourcesAnswers,
    ...metricsAnswers,
    ...persistenceAnswers,
    ...autoscalingAnswers,
    config: optional(Type.Literal(false, { description: "false: the component does not get the chart's ConfigMap" })),
    secrets: optional(Type.Literal(false, { description: "false: the component does not get the chart's Secret" })),
  },
  "A workload of the chart beside the main one: its own image (default: the chart's), kind, Service, ports, probes, resources, metrics, storage and autoscaling",
);

export const componentsAnswers = {
  components: optional(
    map(COMPONENT_NAME, componentAnswers, 'More workloads of the chart, by name (web, worker, migrate, ...); null removes one on update'),
  ),
};

/** Routes to components, for ingress.routes and httpRoute.routes: a path sent to a component's
 * Service instead of the main one. */
export const routes = (description: string) =>
  Type.Array(
    object(
      {
        path: text(HTTP_PATH, 'The path (a prefix)'),
        component: text(COMPONENT_NAME, 'The component whose Service gets it (one with service.port)'),
      },
      'A path to a component',
    ),
    { minItems: 1, description },
  );
