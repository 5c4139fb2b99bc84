// Stored answers from an older generator are brought up to date, never rejected: when an answer key
// is renamed or moved, a migration here rewrites answers recorded before that version.
export interface Migration {
  /** Answers recorded by a generator older than this version are migrated. */
  before: string;
  migrate: (answers: Record<string, unknown>) => Record<string, unknown>;
}

/** The migrations of this generator, oldest first. None yet: 0.1.0 is the first answers format. */
export const MIGRATIONS: readonly Migration[] = [];

/** A SemVer version: major, minor, patch, pre-release identifiers (build metadata ignored). */
const SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/** SemVer's precedence of two pre-release identifiers: numbers below words, numbers by value. */
function compareIdentifiers(a: string, b: string): number {
  const [numericA, numericB] = [/^\d+$/.test(a), /^\d+$/.test(b)];
  if (numericA && numericB) return BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0;
  if (numericA !== numericB) return numericA ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether `version` comes before `than` by SemVer's precedence (0.2.0-rc.1 before 0.2.0); a
 * version that is no SemVer (a record's, written by hand) comes before every other. Written here,
 * not taken from the semver package (the test checks it against it): loading that costs a start
 * about a millisecond, for a check only an update makes. */
export function olderThan(version: string, than: string): boolean {
  const [a, b] = [SEMVER.exec(version), SEMVER.exec(than)];
  if (!a) return b !== null;
  if (!b) return false;
  for (let i = 1; i <= 3; i++) if (a[i] !== b[i]) return BigInt(a[i]!) < BigInt(b[i]!);
  const [preA, preB] = [a[4]?.split('.'), b[4]?.split('.')];
  if (!preA || !preB) return preA !== undefined && preB === undefined;
  for (let i = 0; i < Math.min(preA.length, preB.length); i++) {
    const order = compareIdentifiers(preA[i]!, preB[i]!);
    if (order !== 0) return order < 0;
  }
  return preA.length < preB.length;
}

export function migrateAnswers(
  answers: Record<string, unknown>,
  recordedBy: string,
  migrations: readonly Migration[] = MIGRATIONS,
): Record<string, unknown> {
  return migrations.reduce((current, step) => (olderThan(recordedBy, step.before) ? step.migrate(current) : current), answers);
}
