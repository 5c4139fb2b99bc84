// The values of a generated chart: each part's sections (src/parts/*/values.ts), in the order of
// the parts. Only the parts the answers chose appear; each keeps an `enabled` switch.
import type { ChartModel } from '../model.ts';
import type { ValueSection } from './values-tree.ts';
import { PARTS } from '../parts/index.ts';

/** The sections of values.yaml: each part's, in the order of the parts. */
export function chartValues(model: ChartModel): ValueSection[] {
  return PARTS.flatMap((part) => part.values?.(model) ?? []);
}
