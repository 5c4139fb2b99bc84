import type { ChartModel } from '../../model.ts';
import { group, leaf, type ValueSection } from '../../chart/values-tree.ts';
import { bool } from '../../chart/schemas.ts';
import { PARTS } from '../index.ts';
import { COMPONENT_PARTS, componentsOf } from './model.ts';
import { COMPONENT_NAME } from '../../validators.ts';

/** The section of values.yaml under components: each component's values, from the same part value
 * functions as the main workload's, so a component's @param lines read components.<name>.... */
export const values = (model: ChartModel): ValueSection[] => {
  const components = componentsOf(model);
  if (!components.length) return [];
  const own = PARTS.filter((part) => COMPONENT_PARTS.has(part.name));
  return [
    {
      title: 'Components',
      nodes: [
        group(
          'components',
          'More workloads of the chart, each with its own pods, Service, budget and autoscaling',
          components.map((component) =>
            group(
              component.name,
              `The ${component.name} component (${component.model.workload.kind})`,
              [
                leaf('enabled', true, bool, 'Render this component (false: none of its objects; a route to it fails)'),
                ...own.flatMap((part) => part.values?.(component.model) ?? []).flatMap((section) => section.nodes),
                leaf('automountServiceAccountToken', false, bool, "Mount the chart's ServiceAccount token into this component's pods", [
                  "Off by default: only the pods that call the Kubernetes API get the token (and the chart's rbac rules).",
                ]),
              ],
            ),
          ),
        ),
      ],
    },
  ];
};

/** The `component` key of a path in values (ingress.hosts[].paths[], httpRoute.rules[]): the
 * component whose Service gets it; none: the main component's. */
export const componentValueSchema = {
  type: 'string',
  pattern: COMPONENT_NAME.pattern,
  description: "The component whose Service gets this path; none: the main component's",
};
