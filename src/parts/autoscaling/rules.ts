import type { RuleContext } from '../part.ts';
import type { Problem } from '../../answers/problem.ts';
import { onlyReplicated } from '../../kinds/rules.ts';

export function autoscalingRules({ given, kind }: RuleContext): Problem[] {
  const autoscaling = given.autoscaling ?? {};
  const problems: Problem[] = [];
  if (autoscaling.enabled === true && !kind.replicated) problems.push({ path: 'autoscaling.enabled', message: onlyReplicated(kind) });
  const min = autoscaling.minReplicas ?? 2;
  const max = autoscaling.maxReplicas ?? 10;
  if (typeof min === 'number' && typeof max === 'number' && min > max) {
    const path = autoscaling.minReplicas !== undefined ? 'autoscaling.minReplicas' : 'autoscaling.maxReplicas';
    problems.push({ path, message: `autoscaling.minReplicas (${min}) must not exceed autoscaling.maxReplicas (${max})` });
  }
  // One engine at a time: KEDA's admission webhook refuses a ScaledObject whose target already has
  // a HorizontalPodAutoscaler, so KEDA settings beside the chart's HPA are a contradiction.
  const engine = autoscaling.engine ?? 'hpa';
  if (autoscaling.keda !== undefined && engine !== 'keda') {
    problems.push({ path: 'autoscaling.keda', message: 'only with autoscaling.engine keda: the HPA and a KEDA ScaledObject never scale the same workload' });
  }
  if (engine === 'keda' && autoscaling.enabled === true) {
    const triggers = autoscaling.keda?.triggers;
    const hasTrigger = (Array.isArray(triggers) && triggers.length > 0) || autoscaling.targetCPUUtilizationPercentage !== undefined || autoscaling.targetMemoryUtilizationPercentage !== undefined;
    if (!hasTrigger) {
      problems.push({ path: 'autoscaling.keda.triggers', message: 'required when autoscaling.engine is keda (or a CPU or memory target)' });
    }
  }
  return problems;
}
