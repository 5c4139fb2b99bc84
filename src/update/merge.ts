// A three-way merge of one file, line by line, with node-diff3: the last generated content (the
// base), the file as it is on disk (the user's side) and the new generation.
import { diff3Merge } from 'node-diff3';

export interface Conflict {
  /** First and last line of the user's file that the generator changed too (1-based). */
  fromLine: number;
  toLine: number;
}

export type FileMerge = { content: string; conflicts: Conflict[] };

/** Lines with their endings, so a merge keeps the file's bytes (node-diff3 splits on whitespace
 * when given a string). */
export function lines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

/** Merges both sides; where both changed the same lines, takes `prefer`'s side and reports it. */
export function mergeFile(base: string, user: string, generated: string, prefer: 'user' | 'generated' = 'generated'): FileMerge {
  if (user === base) return { content: generated, conflicts: [] };
  if (generated === base || generated === user) return { content: user, conflicts: [] };
  const out: string[] = [];
  const conflicts: Conflict[] = [];
  for (const region of diff3Merge(lines(user), lines(base), lines(generated), { excludeFalseConflicts: true })) {
    if (region.ok) {
      out.push(...region.ok);
    } else if (region.conflict) {
      const { a, aIndex, b } = region.conflict;
      conflicts.push({ fromLine: aIndex + 1, toLine: aIndex + Math.max(a.length, 1) });
      out.push(...(prefer === 'generated' ? b : a));
    }
  }
  return { content: out.join(''), conflicts };
}
