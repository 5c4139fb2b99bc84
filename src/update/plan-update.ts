// Generating into a chart directory: a new chart, or an update of one this generator made, merged
// three ways file by file. Pure: the chart directory comes in as a snapshot (snapshot.ts reads it),
// and the plan goes out as data for src/write.ts.
import { join } from 'node:path';
import type { ChartFile } from '../chart/plan.ts';
import { formatProblems, validateAnswers, type Problem } from '../answers/validate.ts';
import { generate } from '../generate.ts';
import { toModel, type ChartModel } from '../model.ts';
import { claimChanges } from '../parts/persistence/claim-changes.ts';
import { mergeFile, sameAsGenerated, type Conflict, type Resolution } from './merge.ts';
import { migrateAnswers } from './migrate.ts';
import { BASE_FILE, LEGACY_BASE_FILE, RECORD_FILE, sameBase, type ReadRecord } from './record.ts';
import { sameContent, type Change } from '../write.ts';
import { overlayAnswers } from '../answers/data.ts';

export { overlayAnswers };

export interface UpdateOptions {
  /** Take the generator's side of conflicting lines; replace a chart this generator did not make. */
  force?: boolean;
  /** Write git's conflict markers into files where both sides changed the same lines. */
  markers?: boolean;
}

/** What planning needs from the chart directory, as data (snapshot.ts reads it). */
export interface ChartSnapshot {
  /** Where the chart is: for messages only, never read from planning. */
  dir: string;
  /** Whether it holds anything but empty folders, the lock and a journal's temporary file (what an
   * interrupted fresh generation may leave): only then is it somebody's chart. */
  occupied: boolean;
  record: ReadRecord;
  /** The bytes on disk of each file the plan, the base or the records name; a path not here is
   * missing. A path that could not be read (a link, a folder) holds its error, thrown only if the
   * plan uses that path. */
  files: ReadonlyMap<string, Buffer | Error>;
}

/** The file at `path` in the snapshot: its bytes, or undefined when it is missing. */
export function snapshotFile(snapshot: ChartSnapshot, path: string): Buffer | undefined {
  const found = snapshot.files.get(path);
  if (found instanceof Error) throw found;
  return found;
}

export type UpdatePlan =
  | {
      ok: true;
      model: ChartModel;
      /** The answers now in force: the stored ones with the given ones over them. */
      answers: Record<string, unknown>;
      changes: Change[];
      /** Every file this generation makes (whether it changes now or not). */
      generated: string[];
      /** Files of a part switched off that the user edited: removed only with force. */
      orphans: string[];
      /** Files the user deleted that this generation changes: left deleted, and reported. */
      skipped: string[];
      /** Files where both sides changed the same lines; with force, the generator's side won. */
      conflicts: Array<{ path: string; conflicts: Conflict[] }>;
      /** What an installed release of the last generation will refuse in `helm upgrade` to this one. */
      warnings: string[];
      update: boolean;
    }
  | { ok: false; message: string };

const RECORDS = new Set([RECORD_FILE, BASE_FILE, LEGACY_BASE_FILE]);

const chartVersionOf = (chartYaml: string | undefined) => /^version:\s*["']?([^"'\s]+)/m.exec(chartYaml ?? '')?.[1];

export function bumpPatch(version: string): string {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  // BigInt: a patch number of any length stays a whole number (SemVer has no limit).
  return match ? `${match[1]}.${match[2]}.${BigInt(match[3]!) + 1n}` : version;
}

function fresh(files: ChartFile[], snapshot: ChartSnapshot): Change[] {
  return files.filter((file) => !sameContent(snapshotFile(snapshot, file.path), file.content));
}

/** The removal of an earlier version's gzipped base, where the chart has one: the base this
 * generation writes replaces it. */
const legacyBaseRemoval = (snapshot: ChartSnapshot): Change[] =>
  snapshotFile(snapshot, LEGACY_BASE_FILE) === undefined ? [] : [{ path: LEGACY_BASE_FILE }];

interface Merged {
  /** Files that still hold conflict markers an earlier --conflicts=markers run wrote. */
  unresolved: string[];
  changes: Change[];
  orphans: string[];
  skipped: string[];
  conflicts: Array<{ path: string; conflicts: Conflict[] }>;
}

function mergeAll(snapshot: ChartSnapshot, base: Map<string, string>, files: ChartFile[], resolution: Resolution): Merged {
  const merged: Merged = { unresolved: [], changes: [], orphans: [], skipped: [], conflicts: [] };
  const generated = new Map(files.map((file) => [file.path, file.content]));
  for (const path of new Set([...base.keys(), ...generated.keys()])) {
    const next = generated.get(path);
    const disk = snapshotFile(snapshot, path);
    if (RECORDS.has(path) || Buffer.isBuffer(next)) {
      // A base holding these very files stays as it is, even if other compression settings wrote it.
      const sameFiles = path === BASE_FILE && disk !== undefined && sameBase(base, files);
      if (next !== undefined && !sameFiles && !sameContent(disk, next)) merged.changes.push({ path, content: next });
      continue;
    }
    const before = base.get(path);
    if (disk === undefined) {
      // Deleted by the user: stays deleted (said, when this generation changes it). New: written.
      if (before === undefined) merged.changes.push({ path, content: next });
      else if (next !== undefined && next !== before) merged.skipped.push(path);
      continue;
    }
    const mine = disk.toString('utf8');
    const marker = /^(<<<<<<< yours|>>>>>>> k8s-chart)\r?$/m.exec(mine);
    if (marker) merged.unresolved.push(`${path}: line ${mine.slice(0, marker.index).split('\n').length}`);
    if (next === undefined) {
      // A part switched off: its file goes. An edited one would be left referring to values that
      // are gone, so the user decides (--force removes it).
      if (before === undefined || !sameAsGenerated(mine, before)) merged.orphans.push(path);
      merged.changes.push({ path });
      continue;
    }
    const result = mergeFile(before ?? '', mine, next, resolution);
    if (result.conflicts.length) merged.conflicts.push({ path, conflicts: result.conflicts });
    if (result.content !== mine) merged.changes.push({ path, content: result.content });
  }
  merged.changes.push(...legacyBaseRemoval(snapshot));
  return merged;
}

/** The plan of one generation into the chart the snapshot shows, with the given answers over the
 * stored ones. */
export function planUpdate(snapshot: ChartSnapshot, given: Record<string, unknown>, options: UpdateOptions = {}): UpdatePlan {
  const { dir: chartDir, occupied: exists, record: found } = snapshot;
  if (!exists || found.kind !== 'ours') {
    if (exists && !options.force) {
      if (found.kind === 'newer') return { ok: false, message: found.message };
      const why = found.kind === 'none' ? 'was not made by k8s-chart (no .yo-rc.json)' : `has a damaged record: ${'message' in found ? found.message : ''}`;
      return { ok: false, message: `${chartDir}: ${why}; pass --force to write a fresh chart into it` };
    }
    const answers = overlayAnswers({}, given);
    const generation = generate(answers);
    if (!generation.ok) return { ok: false, message: formatProblems(generation.problems) };
    return {
      ok: true,
      model: generation.model,
      answers,
      // Over a damaged record (--force), an earlier version's gzipped base goes as well.
      changes: [...fresh(generation.files, snapshot), ...legacyBaseRemoval(snapshot)],
      generated: generation.files.map((file) => file.path),
      orphans: [],
      skipped: [],
      conflicts: [],
      warnings: [],
      update: false,
    };
  }

  const { record, base } = found;
  const stored = migrateAnswers(record.answers, record.version);
  const answers = overlayAnswers(stored, given);
  type Attempt = { ok: true; generation: { model: ChartModel; files: ChartFile[] }; merged: Merged } | { ok: false; problems: Problem[] };
  const attempt = (chartVersion: string): Attempt => {
    const generation = generate(answers, chartVersion);
    if (!generation.ok) return { ok: false, problems: generation.problems };
    return { ok: true, generation, merged: mergeAll(snapshot, base, generation.files, options.markers && !options.force ? 'markers' : 'generated') };
  };
  let result = attempt(record.chartVersion);
  if (!result.ok) return { ok: false, message: formatProblems(result.problems) };

  // A change to the chart's own files bumps the patch version, unless the user set a version
  // (in Chart.yaml, or in the answers).
  const chartFilesChange = result.merged.changes.some((change) => !RECORDS.has(change.path));
  const userVersion = chartVersionOf(snapshotFile(snapshot, 'Chart.yaml')?.toString('utf8'));
  const userKeptVersion = userVersion === undefined || userVersion === chartVersionOf(base.get('Chart.yaml'));
  if (chartFilesChange && userKeptVersion && answers.version === undefined) {
    result = attempt(bumpPatch(record.chartVersion));
    if (!result.ok) return { ok: false, message: formatProblems(result.problems) };
  }

  const { generation, merged } = result;
  if (merged.unresolved.length) {
    return {
      ok: false,
      message: `${merged.unresolved.map((where) => `${join(chartDir, where)}: unresolved conflict markers`).join('\n')}\nResolve them (keep the lines you want, delete the marker lines), then run again.`,
    };
  }
  // With markers, conflicting files are written with both sides marked; an edited file of a part
  // switched off still stops the run, as it has nothing to mark.
  const stops = options.markers ? merged.orphans.length > 0 : merged.conflicts.length > 0 || merged.orphans.length > 0;
  if (stops && !options.force) {
    const lines = [
      ...(options.markers ? [] : merged.conflicts.map(({ path, conflicts }) => describeConflicts(join(chartDir, path), conflicts))),
      ...merged.orphans.map((path) => `${join(chartDir, path)}: edited by you, and its part is now switched off`),
    ];
    return {
      ok: false,
      message:
        `conflicts; nothing was written:\n${lines.join('\n')}\n` +
        // Markers mark conflicting lines; an edited file of a part switched off has none to mark.
        (options.markers || merged.conflicts.length === 0
          ? "Keep the file as the generator would write it, delete it, or pass --force to remove it."
          : 'Edit those lines to match (or delete the file), pass --conflicts=markers to mark both sides in the files, ' +
            "or pass --force to take the generator's side."),
    };
  }
  return {
    ok: true,
    model: generation.model,
    answers,
    changes: merged.changes,
    generated: generation.files.map((file) => file.path),
    orphans: merged.orphans,
    skipped: merged.skipped,
    conflicts: merged.conflicts,
    warnings: upgradeWarnings(stored, record.chartVersion, generation.model),
    update: true,
  };
}

/** The changes of the last generation's workloads (the main one and each component still there)
 * that Kubernetes refuses on upgrade. */
function upgradeWarnings(stored: Record<string, unknown>, chartVersion: string, now: ChartModel): string[] {
  const validation = validateAnswers(stored);
  // Stored answers this version no longer accepts: the new answers were checked, nothing to compare.
  if (!validation.ok) return [];
  const before = toModel(validation.answers, chartVersion);
  const pairs: Array<[ChartModel, ChartModel, string]> = [[before, now, '']];
  for (const component of now.components) {
    const was = before.components.find(({ name }) => name === component.name);
    if (was) pairs.push([was.model, component.model, `components.${component.name}.`]);
  }
  return pairs.flatMap(([was, model, at]) => claimChanges(was, model, at));
}

/** Each conflicting range of a file with both sides' lines, as a report to read in a terminal. */
export function describeConflicts(file: string, conflicts: Conflict[]): string {
  const side = (label: string, lines: string[]) => [`  ${label}:`, ...(lines.length ? lines.map((line) => `    | ${line}`) : ['    (no lines)'])];
  return conflicts
    .flatMap((c) => [
      `${file}: ${c.fromLine === c.toLine ? `line ${c.fromLine}` : `lines ${c.fromLine}-${c.toLine}`}: changed by you and by the generator`,
      ...side('yours', c.yours),
      ...side('the generator\'s', c.generated),
    ])
    .join('\n');
}
