// Times generating a chart from an answers file against `helm create`, each as a whole process
// (start-up included, as a user waits for it), and prints the medians and their ratio.
// Usage: npm run bench [-- RUNS]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureHelm } from './fetch-helm.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 21);
const { helm4 } = await ensureHelm();

function time(command, args) {
  const samples = [];
  for (let i = 0; i < runs + 1; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'k8s-chart-bench-'));
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args(dir), { cwd: dir, encoding: 'utf8' });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    rmSync(dir, { recursive: true, force: true });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
    if (i > 0) samples.push(elapsed); // the first run warms the disk cache and Node's compile cache
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const answers = join(root, 'examples/shop-api.yaml');
const generator = time(process.execPath, (dir) => [join(root, 'dist/bin/k8s-chart.js'), '--answers', answers, '--output', dir]);
const helmCreate = time(helm4, () => ['create', 'shop-api']);
console.log(`k8s-chart --answers examples/shop-api.yaml: median ${generator.toFixed(1)} ms (${runs} runs, Node ${process.version})`);
console.log(`helm create shop-api (Helm 4):              median ${helmCreate.toFixed(1)} ms`);
console.log(`ratio: ${(generator / helmCreate).toFixed(2)}x helm create`);
