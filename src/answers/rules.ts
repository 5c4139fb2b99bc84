// Rules that join several answers: each part's (src/parts/<part>/rules.ts, the workload kind's in
// src/kinds/rules.ts), in the order of the parts. Each names the field the user has to change and
// says why. They run beside the schema, also on answers it rejects, so every problem is reported
// at once: each rule reads its fields defensively and stays silent where a field has the wrong type.
import type { Answers } from '../model.ts';
import { DEFAULT_KIND, findKind } from '../kinds/traits.ts';
import { PARTS } from '../parts/index.ts';
import { imageRules } from '../parts/image/rules.ts';

import type { Problem } from './problem.ts';
export type { Problem } from './problem.ts';

export function crossFieldProblems(data: unknown): Problem[] {
  const given = (typeof data === 'object' && data !== null ? data : {}) as Partial<Answers>;
  const kind = findKind(given.workload?.kind ?? DEFAULT_KIND);
  // The schema reports an unknown kind; rules that depend on the kind wait for a known one.
  if (!kind) return imageRules({ given });
  return PARTS.flatMap((part) => part.rules?.({ given, kind }) ?? []);
}
