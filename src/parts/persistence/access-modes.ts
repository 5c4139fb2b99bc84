// The ReadWriteOnce rule, once: a volume whose every access mode attaches it to one node serves the
// pods of that node only. The answers' rules refuse it for pods that share one claim and may run
// on several nodes; a Deployment's values replace its pods (Recreate) instead of rolling them; and
// its template refuses values that scale such a claim (the view's accessModes.multiNode).
import { ACCESS_MODES } from '../../answers/choices.ts';

/** The access modes that attach a volume to a single node. */
export const SINGLE_NODE_MODES: readonly string[] = ['ReadWriteOnce', 'ReadWriteOncePod'];

/** The default of persistence.accessModes. */
export const DEFAULT_ACCESS_MODES = ['ReadWriteOnce'] as const;

/** The others: a volume with one of them attaches to several nodes. */
export const MULTI_NODE_MODES: readonly string[] = ACCESS_MODES.filter((mode) => !SINGLE_NODE_MODES.includes(mode));

export const servesOneNode = (modes: readonly unknown[]): boolean =>
  modes.every((mode) => typeof mode === 'string' && SINGLE_NODE_MODES.includes(mode));
