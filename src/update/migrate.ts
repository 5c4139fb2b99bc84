// Stored answers from an older generator are brought up to date, never rejected: when an answer key
// is renamed or moved, a migration here rewrites answers recorded before that version.
export interface Migration {
  /** Answers recorded by a generator older than this version are migrated. */
  before: string;
  migrate: (answers: Record<string, unknown>) => Record<string, unknown>;
}

/** The migrations of this generator, oldest first. None yet: 0.1.0 is the first answers format. */
export const MIGRATIONS: readonly Migration[] = [];

/** Whether `version` comes before `than` (major, minor, patch). */
export function olderThan(version: string, than: string): boolean {
  const parse = (text: string) => text.split(/[.-]/).slice(0, 3).map((part) => Number.parseInt(part, 10) || 0);
  const [a, b] = [parse(version), parse(than)];
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

export function migrateAnswers(
  answers: Record<string, unknown>,
  recordedBy: string,
  migrations: readonly Migration[] = MIGRATIONS,
): Record<string, unknown> {
  return migrations.reduce((current, step) => (olderThan(recordedBy, step.before) ? step.migrate(current) : current), answers);
}
