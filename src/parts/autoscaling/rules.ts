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
  return problems;
}
