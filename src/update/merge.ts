// A three-way merge of one file, line by line, with node-diff3: the last generated content (the
// base), the file as it is on disk (the user's side) and the new generation.
import { diff3Merge } from 'node-diff3';

export interface Conflict {
  /** First and last line of the user's file that the generator changed too (1-based). */
  fromLine: number;
  toLine: number;
  /** The user's lines there, and the generator's. */
  yours: string[];
  generated: string[];
}

/** Which side a conflicting region takes: one of the two, or both between git's markers. */
export type Resolution = 'user' | 'generated' | 'markers';

/** git's conflict markers around both sides, each on its own line. */
function markers(yours: string[], generated: string[]): string[] {
  const closed = (side: string[]) => (side.length && !side.at(-1)!.endsWith('\n') ? [...side.slice(0, -1), `${side.at(-1)}\n`] : side);
  return ['<<<<<<< yours\n', ...closed(yours), '=======\n', ...closed(generated), '>>>>>>> k8s-chart\n'];
}

export type FileMerge = { content: string; conflicts: Conflict[] };

/** Lines with their endings, so a merge keeps the file's bytes (node-diff3 splits on whitespace
 * when given a string). */
export function lines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

/** How the user's copy writes line ends (CRLF, after a Windows checkout) and whether it ends with
 * one, so a merge can compare lines, not line ends, and give the file back as the user keeps it. */
interface Style {
  crlf: boolean;
  finalNewline: boolean;
}

function styleOf(text: string): Style {
  return { crlf: text.includes('\r\n'), finalNewline: text === '' || text.endsWith('\n') };
}

function toGenerated(text: string, style: Style, generated: string): string {
  let out = style.crlf ? text.replace(/\r\n/g, '\n') : text;
  if (!style.finalNewline && generated.endsWith('\n')) out += '\n';
  return out;
}

function toUser(text: string, style: Style): string {
  let out = style.finalNewline ? text : text.replace(/\n$/, '');
  if (style.crlf) out = out.replace(/\r?\n/g, '\r\n');
  return out;
}

/** The user's copy as the generator would write it: only line ends and the final newline differ. */
export function sameAsGenerated(user: string, generated: string): boolean {
  return toGenerated(user, styleOf(user), generated) === generated;
}

/** Merges both sides; where both changed the same lines, takes `prefer`'s side and reports it. The
 * user's line ends (CRLF or LF) and final newline are kept; they never count as an edit. */
export function mergeFile(base: string, user: string, generated: string, prefer: Resolution = 'generated'): FileMerge {
  const style = styleOf(user);
  const normalized = base.includes('\r\n') ? user : toGenerated(user, style, base);
  if (normalized !== user) {
    const merged = mergeFile(base, normalized, generated, prefer);
    return { ...merged, content: toUser(merged.content, style) };
  }
  if (user === base) return { content: generated, conflicts: [] };
  if (generated === base || generated === user) return { content: user, conflicts: [] };
  const out: string[] = [];
  const conflicts: Conflict[] = [];
  for (const region of diff3Merge(lines(user), lines(base), lines(generated), { excludeFalseConflicts: true })) {
    if (region.ok) {
      for (const line of region.ok) out.push(line);
    } else if (region.conflict) {
      const { a, aIndex, b } = region.conflict;
      const strip = (side: string[]) => side.map((line) => line.replace(/\r?\n$/, ''));
      conflicts.push({ fromLine: aIndex + 1, toLine: aIndex + Math.max(a.length, 1), yours: strip(a), generated: strip(b) });
      for (const line of prefer === 'generated' ? b : prefer === 'user' ? a : markers(a, b)) out.push(line);
    }
  }
  return { content: out.join(''), conflicts };
}
