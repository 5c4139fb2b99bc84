// The JSON Schema of the answers file, assembled from each part's answers (src/parts/*/schema.ts,
// src/kinds/schema.ts). It checks shapes, types and patterns; rules that join several fields (a
// CronJob needs a schedule, min <= max) live in rules.ts, so each message can name the field the
// user must change. Build time only: the build writes this schema to schema/answers.schema.json and
// compiles it into a standalone validator, so the bin never compiles a schema at start-up. Its keys
// keep this order: an unknown key's problem lists the allowed ones so.
import { Type } from './fields.ts';
import { chartAnswers } from '../parts/chart/schema.ts';
import { imageAnswers } from '../parts/image/schema.ts';
import { workloadAnswers } from '../kinds/schema.ts';
import { serviceAnswers } from '../parts/service/schema.ts';
import { extraPortsAnswers } from '../parts/extra-ports/schema.ts';
import { ingressAnswers } from '../parts/ingress/schema.ts';
import { configAnswers } from '../parts/config/schema.ts';
import { secretsAnswers } from '../parts/secrets/schema.ts';
import { autoscalingAnswers } from '../parts/autoscaling/schema.ts';
import { httpRouteAnswers } from '../parts/http-route/schema.ts';
import { acmeIssuerAnswers } from '../parts/acme-issuer/schema.ts';
import { probesAnswers, resourcesAnswers } from '../parts/pod/schema.ts';
import { rbacAnswers } from '../parts/rbac/schema.ts';
import { networkPolicyAnswers } from '../parts/network-policy/schema.ts';
import { persistenceAnswers } from '../parts/persistence/schema.ts';
import { metricsAnswers } from '../parts/metrics/schema.ts';
import { componentsAnswers } from '../parts/components/schema.ts';

export const answersSchema = Type.Object(
  {
    ...chartAnswers,
    ...imageAnswers,
    ...workloadAnswers,
    ...serviceAnswers,
    ...extraPortsAnswers,
    ...ingressAnswers,
    ...configAnswers,
    ...secretsAnswers,
    ...autoscalingAnswers,
    ...httpRouteAnswers,
    ...acmeIssuerAnswers,
    ...probesAnswers,
    ...resourcesAnswers,
    ...rbacAnswers,
    ...networkPolicyAnswers,
    ...persistenceAnswers,
    ...metricsAnswers,
    ...componentsAnswers,
  },
  {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://k8s-chart.dev/answers.schema.json',
    title: 'k8s-chart answers',
    description: 'Answers for k8s-chart',
    additionalProperties: false,
  },
);
