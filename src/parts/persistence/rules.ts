import type { RuleContext } from '../part.ts';
import type { Problem } from '../../answers/problem.ts';
import { KINDS, kindNames } from '../../kinds/traits.ts';
import { DEFAULT_ACCESS_MODES, servesOneNode } from './access-modes.ts';

export function persistenceRules(context: RuleContext): Problem[] {
  return [...claimProblems(context), ...mountPathProblems(context)];
}

/** The claim each kind gets: one its pods share, one per pod, or only an existing one. */
function claimProblems({ given, kind }: RuleContext): Problem[] {
  const persistence = given.persistence;
  if (persistence === undefined || persistence.enabled === false) return [];
  const problems: Problem[] = [];
  if (kind.claim === 'shared' && persistence.existingClaim === undefined) {
    const modes = Array.isArray(persistence.accessModes) ? persistence.accessModes : [...DEFAULT_ACCESS_MODES];
    const replicas = given.workload?.replicas ?? 1;
    const scaled = given.autoscaling?.enabled === true;
    if (servesOneNode(modes) && (scaled || (typeof replicas === 'number' && replicas > 1))) {
      problems.push({
        path: 'persistence.accessModes',
        message: `${modes.join(', ')} serves one pod only: use ReadWriteMany, or one replica without autoscaling`,
      });
    }
  }
  if (kind.claim === 'perPod' && persistence.existingClaim !== undefined) {
    problems.push({
      path: 'persistence.existingClaim',
      message: `a ${kind.kind} gets a claim per pod from its volumeClaimTemplates: remove existingClaim`,
    });
  }
  if (kind.claim === 'none') {
    const owner = (traits: RuleContext['kind']) => traits.claim !== 'none';
    if (persistence.existingClaim === undefined) {
      problems.push({
        path: 'persistence.existingClaim',
        message: `required for a ${kind.kind}: only ${kindNames(owner, 'a ')} gets a claim of its own`,
      });
    }
    for (const key of ['size', 'accessModes', 'storageClass'] as const) {
      if (persistence[key] !== undefined) {
        problems.push({ path: `persistence.${key}`, message: `only for a claim the chart creates (${KINDS.filter(owner).map((traits) => traits.kind).join(', ')}), not a ${kind.kind}` });
      }
    }
  }
  return problems;
}

/** Two volumes cannot share a mount path, and /tmp is the writable scratch folder of every pod. */
function mountPathProblems({ given }: RuleContext): Problem[] {
  const seen = new Map<string, string>([['/tmp', 'the writable /tmp folder every pod gets']]);
  const problems: Problem[] = [];
  const mounts: Array<[string, unknown]> = [
    ['config.mountPath', given.config?.enabled !== false ? given.config?.mountPath : undefined],
    ['secrets.mountPath', given.secrets?.enabled !== false ? given.secrets?.mountPath : undefined],
    ['persistence.mountPath', given.persistence?.enabled !== false && given.persistence ? (given.persistence.mountPath ?? '/data') : undefined],
  ];
  for (const [path, mountPath] of mounts) {
    if (typeof mountPath !== 'string') continue;
    const taken = seen.get(mountPath.replace(/\/+$/, '') || '/');
    if (taken) problems.push({ path, message: `${mountPath} is already ${taken}: choose another folder` });
    else seen.set(mountPath.replace(/\/+$/, '') || '/', `${path}'s mount`);
  }
  return problems;
}
