// KEDA's ScaledObject, the autoscaling engine for queue workers: what a trigger is, said once for
// the answers schema and the chart's values schema (plain JSON Schema, as KEDA's CRD says it).

/** A KEDA trigger (keda.sh/v1alpha1 ScaleTriggers): its type (rabbitmq, kafka, aws-sqs-queue,
 * prometheus, cron, ...) and the scaler's metadata, each value a string, as KEDA reads them. */
export const kedaTrigger = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'metadata'],
  properties: {
    type: { type: 'string', minLength: 1, description: 'The scaler: rabbitmq, kafka, aws-sqs-queue, prometheus, cron, ...' },
    name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', description: 'A name for the trigger (for scalingModifiers and metrics)' },
    metadata: { type: 'object', additionalProperties: { type: 'string' }, description: "The scaler's settings, each value a string" },
    authenticationRef: {
      type: 'object',
      description: 'The TriggerAuthentication that holds the credentials',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: { type: 'string', minLength: 1, description: 'Its name' },
        kind: { enum: ['TriggerAuthentication', 'ClusterTriggerAuthentication'], description: 'Its kind (default TriggerAuthentication)' },
      },
    },
    metricType: { enum: ['AverageValue', 'Value', 'Utilization'], description: 'How the HPA reads the metric (default AverageValue)' },
    useCachedMetrics: { type: 'boolean', description: "Answer the HPA from the last poll's value" },
  },
} as const;

export interface KedaTrigger {
  type: string;
  name?: string;
  metadata: Record<string, string>;
  authenticationRef?: { name: string; kind?: 'TriggerAuthentication' | 'ClusterTriggerAuthentication' };
  metricType?: 'AverageValue' | 'Value' | 'Utilization';
  useCachedMetrics?: boolean;
}

/** The engines: a HorizontalPodAutoscaler of the chart's own, or a KEDA ScaledObject (KEDA then
 * makes and owns the HPA). One engine at a time: KEDA's admission webhook refuses a ScaledObject
 * whose target already has an HPA. */
export const ENGINES = ['hpa', 'keda'] as const;
export type Engine = (typeof ENGINES)[number];
