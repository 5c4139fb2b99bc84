// Puts a generated chart on disk, or says what would change. Every check runs before the first
// write, so a refused run leaves the disk as it was.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ChartFile } from './chart/plan.ts';

export interface WriteOptions {
  dryRun?: boolean;
  force?: boolean;
}

export type WriteResult =
  | { ok: true; written: string[]; unchanged: string[]; diff: string }
  | { ok: false; message: string };

function readIfExists(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

export async function writeChart(chartDir: string, files: ChartFile[], options: WriteOptions = {}): Promise<WriteResult> {
  const changed = files.filter((file) => readIfExists(join(chartDir, file.path)) !== file.content);
  const unchanged = files.filter((file) => !changed.includes(file)).map((file) => file.path);
  const exists = existsSync(chartDir) && readdirSync(chartDir).length > 0;
  if (exists && changed.length > 0 && !options.force) {
    const ours = existsSync(join(chartDir, '.yo-rc.json'));
    return {
      ok: false,
      message: ours
        ? `${chartDir}: the chart exists and these answers change it (${changed.map((f) => f.path).join(', ')}); ` +
          'updating a chart in place is not supported yet: pass --force to overwrite those files, or choose another --output'
        : `${chartDir}: exists and was not made by k8s-chart (no .yo-rc.json); pass --force to write into it anyway`,
    };
  }
  if (options.dryRun) {
    const { createTwoFilesPatch } = await import('diff');
    const diff = changed
      .map((file) => {
        const old = readIfExists(join(chartDir, file.path));
        return createTwoFilesPatch(
          old === undefined ? '/dev/null' : `a/${file.path}`,
          `b/${file.path}`,
          old ?? '',
          file.content,
          undefined,
          undefined,
          { context: 3 },
        ).replace(/^=+\n/, '');
      })
      .join('');
    return { ok: true, written: [], unchanged, diff };
  }
  for (const file of changed) {
    const target = join(chartDir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    // Write beside, then rename: a crash never leaves a half-written file.
    const temporary = `${target}.k8s-chart-tmp`;
    writeFileSync(temporary, file.content);
    renameSync(temporary, target);
  }
  return { ok: true, written: changed.map((file) => file.path), unchanged, diff: '' };
}
