// What Kubernetes refuses to change in an installed release's claims, read from two models of one
// workload: the one the chart was last generated from and the new one. An update that changes them
// is written all the same (the chart is the user's), with a warning of what `helm upgrade` will say.
import type { ChartModel } from '../../model.ts';
import { kindTraits } from '../../kinds/traits.ts';
import type { PersistenceModel } from './model.ts';

const claimed = (persistence: PersistenceModel) => persistence.enabled && !persistence.existingClaim;

/** One line per refused change, each starting with its answers path under `at` ('' or
 * 'components.<name>.'). */
export function claimChanges(before: ChartModel, after: ChartModel, at = ''): string[] {
  if (before.workload.kind !== after.workload.kind) return [];
  const claim = kindTraits(after.workload.kind).claim;
  const [was, now] = [before.persistence, after.persistence];
  if (claim === 'none') return [];
  const changed: string[] = (['size', 'accessModes', 'storageClass'] as const).filter((field) => JSON.stringify(was[field]) !== JSON.stringify(now[field]));
  if (claim === 'perPod') {
    // A claim template added or removed is a change of volumeClaimTemplates too.
    if (claimed(was) !== claimed(now)) changed.unshift(was.enabled !== now.enabled ? 'enabled' : 'existingClaim');
    else if (!claimed(now)) return [];
    if (!changed.length) return [];
    return [
      `${at}persistence.${changed[0]}: a StatefulSet's volumeClaimTemplates cannot change, so helm upgrade of an installed release fails; ` +
        'first delete the StatefulSet keeping its pods and claims (kubectl delete statefulset NAME --cascade=orphan), and resize existing claims with kubectl patch pvc (the chart README says how)',
    ];
  }
  if (!claimed(was) || !claimed(now)) return [];
  // One claim the chart creates: it may grow (where its StorageClass allows expansion), nothing else.
  const refused = changed.filter((field) => field !== 'size');
  if (!refused.length) return [];
  return [`${at}persistence.${refused[0]}: a PersistentVolumeClaim's ${refused[0]} cannot change, so helm upgrade of an installed release fails; move the data to a new claim (persistence.existingClaim) instead`];
}
