import type { ChartModel } from '../../model.ts';
import { group, leaf, type ValueNode, type ValueSection } from '../../chart/values-tree.ts';
import { bool, int, stringMap } from '../../chart/schemas.ts';

/** The part's section of values.yaml. */
export const values = (model: ChartModel): ValueSection[] => (model.service.enabled ? [{ title: 'Service', nodes: nodes(model) }] : []);

function nodes(model: ChartModel): ValueNode[] {
  return [
    group('service', 'The Service in front of the pods', [
      leaf('enabled', true, bool, 'Create the Service'),
      leaf('type', model.service.type, { enum: ['ClusterIP', 'NodePort', 'LoadBalancer'] }, 'Service type'),
      leaf('port', model.service.port, int(1, 65535), `The container port, named ${model.service.portName} (the probes and the NetworkPolicy use the name)`),
      leaf('servicePort', model.service.servicePort, int(0, 65535), "Port of the Service; 0: the container port"),
      leaf('annotations', model.service.annotations, stringMap, 'Service annotations'),
    ]),
  ];
}
