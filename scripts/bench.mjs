// Times k8s-chart against Helm as whole processes (start-up included, as a user waits for it), in
// pairs run one after the other (A B A B ...), so a machine whose speed drifts moves both sides of
// a pair alike. Prints, per comparison, each side's median and the median of the pair ratios:
//   1. one chart from an answers file          vs  `helm create`                (goal: at most 1.5x)
//   2. 100 answers files in one call           vs  one `helm create`            (goal: at most 10x)
//   3. `helm template` of a generated chart    vs  `helm template` of a `helm create` chart with the
//      same parts on (Ingress, autoscaling), on Helm 3 and on Helm 4          (goal: at most 1.1x)
// Last, what creating a file costs in the bench's folder, as ratios 1 and 2 move with it.
// Usage: npm run bench [-- PAIRS]   (default 15 pairs, after one warm-up pair)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureHelm } from './fetch-helm.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pairs = Number(process.argv[2] ?? 15);
const { helm3, helm4 } = await ensureHelm();
const bin = join(root, 'dist/bin/k8s-chart.js');
const work = mkdtempSync(join(tmpdir(), 'k8s-chart-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

/** Wall milliseconds of one run of `command` in a fresh folder made by `prepare`. */
function once(command, args, prepare = () => mkdtempSync(join(work, 'run-'))) {
  const dir = prepare();
  const start = process.hrtime.bigint();
  const result = spawnSync(command, typeof args === 'function' ? args(dir) : args, { cwd: dir, encoding: 'utf8' });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args} failed: ${result.stderr}`);
  return elapsed;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function compare(label, goal, a, b) {
  const as = [];
  const bs = [];
  const ratios = [];
  for (let i = 0; i <= pairs; i++) {
    const [ta, tb] = [a(), b()];
    if (i === 0) continue; // the first pair warms the disk cache and Node's compile cache
    as.push(ta);
    bs.push(tb);
    ratios.push(ta / tb);
  }
  const ratio = median(ratios);
  console.log(
    `${label}\n  k8s-chart side ${median(as).toFixed(1)} ms, Helm side ${median(bs).toFixed(1)} ms, ` +
      `ratio ${ratio.toFixed(2)}x (min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}; goal <= ${goal}x)`,
  );
}

const node = process.execPath;
const shopApi = join(root, 'examples/shop-api.yaml');
const helmCreate = () => once(helm4, ['create', 'shop-api']);

console.log(`${pairs} pairs each, Node ${process.version}, Helm ${helm4.split('/').at(-2)} for helm create\n`);
compare('1. k8s-chart --answers examples/shop-api.yaml  vs  helm create', 1.5, () => once(node, (dir) => [bin, '--answers', shopApi, '--output', dir]), helmCreate);

// 100 answers files: the example with 100 names.
const batch = join(work, 'batch');
mkdirSync(batch);
const text = readFileSync(shopApi, 'utf8');
for (let i = 0; i < 100; i++) writeFileSync(join(batch, `app-${i}.yaml`), text.replace(/^name: .*$/m, `name: app-${i}`));
compare('2. k8s-chart --answers FOLDER (100 files)       vs  helm create', 10, () => once(node, (dir) => [bin, '--answers', batch, '--output', dir]), helmCreate);

// helm template: the generated shop-api chart (Ingress, autoscaling on) against helm create's chart
// with Ingress and autoscaling switched on.
const charts = join(work, 'charts');
mkdirSync(charts);
spawnSync(node, [bin, '--answers', shopApi, '--output', charts], { encoding: 'utf8' });
spawnSync(helm4, ['create', 'created'], { cwd: charts });
const createdOn = ['--set', 'ingress.enabled=true', '--set', 'autoscaling.enabled=true'];
for (const [name, helm] of [['Helm 3', helm3], ['Helm 4', helm4]]) {
  const template = (chart, extra = []) => () => once(helm, ['template', 'bench', join(charts, chart), ...extra]);
  compare(`3. helm template of shop-api  vs  of a helm create chart with Ingress and autoscaling (${name})`, 1.1, template('shop-api'), template('created', createdOn));
}

// What creating a file costs on this disk, in the bench's own folder, measured last (deleting files
// makes the next ones nearby slower to create on some disks, so it disturbs nothing above). Here it
// has been 20 µs and, after many files were deleted nearby, half a millisecond (wall time): a
// chart is 32 files and 5 folders where helm create makes 12 and 4, so ratios 1 and 2 move with it.
const probe = join(work, 'probe');
mkdirSync(probe);
const files = 2000;
const start = process.hrtime.bigint();
for (let i = 0; i < files; i++) writeFileSync(join(probe, `f${i}`), '');
const perFile = Number(process.hrtime.bigint() - start) / 1e3 / files;
console.log(`\nCreating a file in ${tmpdir()} costs ${perFile.toFixed(0)} µs now (${files} empty files written one after another).`);
