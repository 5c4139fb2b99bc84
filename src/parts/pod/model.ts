import type { Answers, ChartModel, ProbeAnswer } from '../../model.ts';
import type { ModelContext } from '../part.ts';
import { portProtocol } from '../../protocols.ts';
import { resourcesModel } from './resources.ts';

/** A Kubernetes probe as it goes into values.yaml, with the chart's own `enabled` switch. */
export type ProbeValues = Record<string, unknown> & { enabled: boolean };

export interface ProbesModel {
  liveness?: ProbeValues;
  readiness?: ProbeValues;
  startup?: ProbeValues;
}

/** A probe on the app's port: by its name (http, tcp), so it follows service.port in values; a gRPC
 * probe takes a number only, which the pod template fills in from service.port. */
function probe(answer: ProbeAnswer, portName: string): Record<string, unknown> {
  switch (answer.type) {
    case 'http':
      return { httpGet: { path: answer.path ?? '/', port: portName } };
    case 'grpc':
      return { grpc: answer.service ? { service: answer.service } : {} };
    case 'exec':
      return { exec: { command: answer.command ?? [] } };
    default:
      return { tcpSocket: { port: portName } };
  }
}

/** The pod part's slice: the app container's probes and resources. */
export const model = (answers: Answers, context: ModelContext): Pick<ChartModel, 'probes' | 'resources'> => ({
  probes: probesModel(answers, context),
  resources: resourcesModel(answers),
});

/** The probes of a long-running app: those the answers chose, else a TCP check on its port
 * (never an invented HTTP path); a worker's liveness runs its command; batch kinds get none. */
function probesModel(answers: Answers, { kind }: ModelContext): ProbesModel {
  if (!kind.longRunning) return {};
  if ((answers.service?.port ?? 0) === 0) {
    return { liveness: { enabled: true, exec: { command: answers.workload?.livenessCommand ?? [] } } };
  }
  const portName = portProtocol(answers.service?.protocol).name;
  const chosen = answers.probes ?? {};
  const tcp: ProbeAnswer = { type: 'tcp' };
  return {
    liveness: { enabled: true, ...probe(chosen.liveness ?? tcp, portName) },
    readiness: { enabled: true, ...probe(chosen.readiness ?? chosen.liveness ?? tcp, portName) },
    startup: {
      enabled: chosen.startup !== undefined,
      ...probe(chosen.startup ?? chosen.liveness ?? tcp, portName),
      failureThreshold: 30,
      periodSeconds: 5,
    },
  };
}
