// Every part of a chart, in the order of values.yaml: each layer (model, rules, values, the file
// plan) walks this one list. The workload kind is the part of src/kinds/.
import type { Part } from './part.ts';
import { chart } from './chart/index.ts';
import { common } from './common/index.ts';
import { image } from './image/index.ts';
import { pod } from './pod/index.ts';
import { serviceAccount } from './service-account/index.ts';
import { rbac } from './rbac/index.ts';
import { networkPolicy } from './network-policy/index.ts';
import { podDisruptionBudget } from './pod-disruption-budget/index.ts';
import { service } from './service/index.ts';
import { extraPorts } from './extra-ports/index.ts';
import { ingress } from './ingress/index.ts';
import { httpRoute } from './http-route/index.ts';
import { gateway } from './gateway/index.ts';
import { acmeIssuer } from './acme-issuer/index.ts';
import { persistence } from './persistence/index.ts';
import { config } from './config/index.ts';
import { secrets } from './secrets/index.ts';
import { externalSecret } from './external-secret/index.ts';
import { autoscaling } from './autoscaling/index.ts';
import { metrics } from './metrics/index.ts';
import { connectionTest } from './connection-test/index.ts';
import { quota } from './quota/index.ts';
import { workload } from '../kinds/index.ts';
import { components } from './components/index.ts';

export const PARTS: readonly Part[] = [
  chart,
  common,
  image,
  workload,
  pod,
  serviceAccount,
  rbac,
  networkPolicy,
  podDisruptionBudget,
  service,
  extraPorts,
  ingress,
  httpRoute,
  gateway,
  acmeIssuer,
  persistence,
  config,
  secrets,
  externalSecret,
  autoscaling,
  metrics,
  connectionTest,
  quota,
  components,
];
