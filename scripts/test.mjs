// Runs the test files side by side, one uvu process per file, as many at once as the machine has
// processors: most of a test's time is a Helm process it waits for (spawnSync), so one file at a
// time leaves a core idle. Each file's output is printed whole when it ends, then one summary line;
// the exit code is 1 if any file failed or printed no count of its own.
//   node scripts/test.mjs [PATTERN]   (PATTERN: a regular expression on the path under test/)
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const testDir = join(root, 'test');
const uvu = join(root, 'node_modules/uvu/bin.js');
const pattern = new RegExp(process.argv[2] ?? '\\.test\\.ts$');

// Files that share one process: both install the packed package and yo (test/support/yo.ts), once
// per process.
const TOGETHER = [['yo.test.ts', 'update.test.ts']];
// The longest files start first, so that none starts last and runs alone at the end. A file's size
// says little of its time (a short one renders every example under both Helms), so these are
// named, longest first (measured by this script); the rest follow by size.
const LONGEST = ['charts.test.ts', 'rollouts-keda.test.ts', 'yo.test.ts', 'day-two.test.ts', 'network.test.ts', 'attack.test.ts', 'as-data.test.ts', 'parts/metrics.test.ts', 'parts/extra-ports.test.ts'];

const files = readdirSync(testDir, { recursive: true, encoding: 'utf8' })
  .map((file) => file.split('\\').join('/'))
  .filter((file) => /\.test\.ts$/.test(file) && pattern.test(file));
const jobs = [];
for (const file of files) {
  const group = TOGETHER.find((names) => names.includes(file));
  const job = group && jobs.find((other) => group.includes(other.files[0]));
  if (job) job.files.push(file);
  else jobs.push({ files: [file] });
}
const rank = ({ files }) => Math.min(...files.map((file) => (LONGEST.includes(file) ? LONGEST.indexOf(file) : LONGEST.length)));
const size = ({ files }) => files.reduce((sum, file) => sum + statSync(join(testDir, file)).size, 0);
jobs.sort((a, b) => rank(a) - rank(b) || size(b) - size(a));

const color = process.stdout.isTTY && !('NO_COLOR' in process.env) ? { FORCE_COLOR: '1' } : {};
const totals = { total: 0, passed: 0, skipped: 0 };
const failed = [];

function run({ files }) {
  return new Promise((resolve) => {
    const started = performance.now();
    const names = files.map((file) => file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    const child = spawn(process.execPath, [uvu, 'test', `^(${names})$`], { cwd: root, env: { ...process.env, ...color }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.on('close', (code, signal) => {
      const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
      const count = (label) => Number(new RegExp(`^\\s*${label}:\\s+(\\d+)`, 'm').exec(plain)?.[1]);
      const counts = { total: count('Total'), passed: count('Passed'), skipped: count('Skipped') };
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const name = files.join(' + ');
      // uvu's own summary of this process gives way to one line naming the files.
      process.stdout.write(`${output.replace(/\n\s*Total:[\s\S]*$/, '')}\n  ${name}: ${counts.passed} of ${counts.total} passed in ${seconds} s\n\n`);
      if (code !== 0 || Number.isNaN(counts.total)) failed.push(`${name} (${signal ?? `exit code ${code}`})`);
      for (const key of Object.keys(totals)) totals[key] += counts[key] || 0;
      resolve();
    });
  });
}

const started = performance.now();
const queue = [...jobs];
const lane = async () => {
  for (let job = queue.shift(); job; job = queue.shift()) await run(job);
};
await Promise.all(Array.from({ length: Math.max(1, Math.min(availableParallelism(), jobs.length)) }, lane));

const seconds = Math.round((performance.now() - started) / 1000);
console.log(`Total: ${totals.total}  Passed: ${totals.passed}  Skipped: ${totals.skipped}  (${files.length} files, ${Math.floor(seconds / 60)} min ${seconds % 60} s)`);
if (files.length === 0 || failed.length > 0 || totals.passed + totals.skipped !== totals.total) {
  console.log(`Failed: ${failed.join(', ') || (files.length ? 'a count does not add up' : 'no test file matches')}`);
  process.exitCode = 1;
}
