// Runs the package's bin as a real child process, as `npx k8s-chart` does.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binPath } from './paths.ts';

export interface BinRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runBin(args: string[], options: { cwd?: string; input?: string } = {}): BinRun {
  const result = spawnSync(process.execPath, [binPath, ...args], {
    cwd: options.cwd ?? tmpdir(),
    input: options.input ?? '',
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix = 'k8s-chart-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes an answers file into a fresh temporary folder and returns its path. */
export function answersFile(content: string, name = 'answers.yaml'): string {
  const file = join(tempDir(), name);
  writeFileSync(file, content);
  return file;
}
