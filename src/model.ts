// The answers as the user gives them (every key optional but the required ones), and the chart
// model they become once defaults are applied: the one input of the plan and the templates.
// The answers' type is the Static type of the answers schema, so it is written once; the import of
// the schema is a type only, so nothing that runs loads the schema or TypeBox. Each part applies
// its own defaults (src/parts/<part>/model.ts, src/kinds/model.ts) and declares its slice's type.
import type { Static } from 'typebox';
import type { answersSchema } from './answers/schema.ts';
import type { parentRef } from './parts/http-route/schema.ts';
import type { policyRule } from './parts/rbac/schema.ts';
import type { networkPolicyPeer } from './parts/network-policy/schema.ts';
import type { ModelContext } from './parts/part.ts';
import type { ChartMetadata } from './parts/chart/model.ts';
import type { ImageModel } from './parts/image/model.ts';
import type { WorkloadModel } from './kinds/model.ts';
import type { ServiceModel } from './parts/service/model.ts';
import type { ExtraPortModel } from './parts/extra-ports/model.ts';
import type { MetricsModel } from './parts/metrics/model.ts';
import type { IngressModel } from './parts/ingress/model.ts';
import type { HttpRouteModel } from './parts/http-route/model.ts';
import type { AcmeIssuerModel } from './parts/acme-issuer/model.ts';
import type { ProbesModel } from './parts/pod/model.ts';
import type { ResourcesModel } from './parts/pod/resources.ts';
import type { RbacModel } from './parts/rbac/model.ts';
import type { NetworkPolicyModel } from './parts/network-policy/model.ts';
import type { ConfigModel } from './parts/config/model.ts';
import type { SecretsModel } from './parts/secrets/model.ts';
import type { PersistenceModel } from './parts/persistence/model.ts';
import type { AutoscalingModel } from './parts/autoscaling/model.ts';
import type { ComponentModel } from './parts/components/model.ts';
import { PARTS } from './parts/index.ts';
import { workloadModule } from './kinds/index.ts';
import { DEFAULT_KIND } from './kinds/traits.ts';

export type { WorkloadKind } from './kinds/traits.ts';
export type { AccessMode, IssuerKind, PathType, PullPolicy, ServiceType } from './answers/choices.ts';
export type { ProbeValues } from './parts/pod/model.ts';
export type { ModelContext } from './parts/part.ts';

export type Answers = Static<typeof answersSchema>;

/** How a probe checks the app: an HTTP GET, a TCP connection, a gRPC health check, a command. */
export type ProbeAnswer = NonNullable<NonNullable<Answers['probes']>['liveness']>;
/** A Gateway an HTTPRoute attaches to. */
export type ParentRef = Static<typeof parentRef>;
export type PolicyRule = Static<typeof policyRule>;
/** A NetworkPolicyPeer: namespaceSelector, podSelector or ipBlock. */
export type NetworkPolicyPeer = Static<typeof networkPolicyPeer>;

/** Each part's slice, under the part's answers key (Chart.yaml's fields at the top). */
export interface ChartModel extends ChartMetadata {
  image: ImageModel;
  workload: WorkloadModel;
  service: ServiceModel;
  extraPorts: ExtraPortModel[];
  ingress: IngressModel;
  httpRoute: HttpRouteModel;
  acmeIssuer: AcmeIssuerModel;
  probes: ProbesModel;
  /** The app container's resources. */
  resources: ResourcesModel;
  rbac: RbacModel;
  networkPolicy: NetworkPolicyModel;
  config: ConfigModel;
  secrets: SecretsModel;
  persistence: PersistenceModel;
  autoscaling: AutoscalingModel;
  metrics: MetricsModel;
  /** More workloads beside the main one, each a model of its own. */
  components: ComponentModel[];
}

/** Applies the documented defaults: each part's model gives its slice. The answers must have
 * passed validateAnswers first. `chartVersion` is the version an update keeps (or bumps) when the
 * answers set none. */
export function toModel(answers: Answers, chartVersion = '0.1.0'): ChartModel {
  const context: ModelContext = { kind: workloadModule(answers.workload?.kind ?? DEFAULT_KIND), chartVersion };
  return Object.assign({}, ...PARTS.map((part) => part.model?.(answers, context))) as ChartModel;
}
