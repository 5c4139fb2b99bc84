// An HPA has the requests it measures against; Jobs cannot hang an upgrade or a schedule; the notes
// say what `helm uninstall` leaves behind.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { helms, helmLint, helmTemplate, runHelm } from './support/helm.ts';
import { freshChart } from './support/fresh-charts.ts';

const binaries = await helms();
const helm4 = binaries.find((binary) => binary.name === 'helm4')!;
const shopApi = freshChart('shop-api');

const hpa = (set: string[], helm = helm4) => {
  const rendered = helmTemplate(helm.bin, shopApi, { set });
  return { ...rendered, hpa: rendered.docs.find((doc) => doc.kind === 'HorizontalPodAutoscaler') };
};

test('an HPA on CPU fails to render while the pod requests no CPU', () => {
  for (const helm of binaries) {
    const noRequest = hpa(['resources.requests.cpu=null'], helm);
    assert.not.ok(noRequest.ok, `${helm.version} rendered an HPA without a CPU request`);
    assert.match(noRequest.output, /autoscaling\.targetCPUUtilizationPercentage: the HPA measures CPU in percent of resources\.requests\.cpu, which is empty/);
    assert.ok(hpa(['resources.requests.cpu=null', 'autoscaling.enabled=false'], helm).ok, 'fine without autoscaling');
  }
});

test('an HPA may scale on memory too, or on memory alone, with a behavior from values', () => {
  const both = hpa(['autoscaling.targetMemoryUtilizationPercentage=80']).hpa;
  assert.equal(both.spec.metrics.map((m: any) => [m.resource.name, m.resource.target.averageUtilization]), [['cpu', 70], ['memory', 80]]);
  const memory = hpa(['autoscaling.targetCPUUtilizationPercentage=0', 'autoscaling.targetMemoryUtilizationPercentage=75', 'resources.requests.cpu=null']);
  assert.ok(memory.ok, memory.output);
  assert.equal(memory.hpa.spec.metrics.map((m: any) => m.resource.name), ['memory']);
  const none = hpa(['autoscaling.targetCPUUtilizationPercentage=0']);
  assert.not.ok(none.ok);
  assert.match(none.output, /autoscaling: set targetCPUUtilizationPercentage or targetMemoryUtilizationPercentage/);
  const noMemory = hpa(['autoscaling.targetMemoryUtilizationPercentage=75', 'resources.requests.memory=null']);
  assert.not.ok(noMemory.ok);
  assert.match(noMemory.output, /autoscaling\.targetMemoryUtilizationPercentage: .*resources\.requests\.memory/);
  assert.is(hpa([]).hpa.spec.behavior, undefined, 'no behavior: the Kubernetes defaults');
  const behavior = hpa(['autoscaling.behavior.scaleDown.stabilizationWindowSeconds=600', 'autoscaling.behavior.scaleDown.policies[0].type=Pods', 'autoscaling.behavior.scaleDown.policies[0].value=1', 'autoscaling.behavior.scaleDown.policies[0].periodSeconds=60']);
  assert.ok(behavior.ok, behavior.output);
  assert.equal(behavior.hpa.spec.behavior, { scaleDown: { stabilizationWindowSeconds: 600, policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } });
  for (const helm of binaries) {
    const wrong = helmLint(helm.bin, shopApi, { set: ['autoscaling.behavior.scaleDown.selectPolicy=Fastest'] });
    assert.not.ok(wrong.ok, `${helm.version} accepted a selectPolicy the API refuses`);
  }
});

/** Seconds of back-off Kubernetes waits before the retries of a Job: 10 s, doubled each time, at most 6 minutes. */
const backoff = (retries: number) => Array.from({ length: retries }, (_, i) => Math.min(10 * 2 ** i, 360)).reduce((a, b) => a + b, 0);
const HELM_DEFAULT_TIMEOUT = 300;

test("a hook Job's retries and deadline fit within Helm's default --timeout", () => {
  for (const helm of binaries) {
    const rendered = helmTemplate(helm.bin, freshChart('db-migrate'));
    assert.ok(rendered.ok, rendered.output);
    const job = rendered.docs.find((doc) => doc.kind === 'Job');
    assert.match(job.metadata.annotations['helm.sh/hook'], /post-upgrade/);
    const { backoffLimit, activeDeadlineSeconds } = job.spec;
    assert.ok(activeDeadlineSeconds > 0 && activeDeadlineSeconds < HELM_DEFAULT_TIMEOUT, `activeDeadlineSeconds ${activeDeadlineSeconds}`);
    assert.ok(backoff(backoffLimit) < activeDeadlineSeconds, `backoffLimit ${backoffLimit}: ${backoff(backoffLimit)} s of back-off`);
  }
});

test("a CronJob's runs have a deadline, so a hung run cannot block the schedule", () => {
  const rendered = helmTemplate(helm4.bin, freshChart('nightly-report'));
  assert.ok(rendered.ok, rendered.output);
  const cronJob = rendered.docs.find((doc) => doc.kind === 'CronJob');
  assert.is(cronJob.spec.concurrencyPolicy, 'Forbid');
  assert.is(cronJob.spec.jobTemplate.spec.activeDeadlineSeconds, 3600);
});

/** The install notes, as `helm install` prints them (client-side dry run: no cluster). */
function notes(chart: string, set: string[] = []): string {
  const args = ['install', 'rel', freshChart(chart), '--dry-run=client', ...set.flatMap((s) => ['--set', s])];
  const result = runHelm(helm4.bin, args);
  assert.ok(result.ok, result.output);
  return result.stdout.slice(result.stdout.indexOf('NOTES:'));
}

test('the notes say how the hook Job and --timeout go together, and what helm uninstall leaves behind', () => {
  const job = notes('db-migrate');
  assert.match(job, /--timeout \(default 5m0s\)/);
  assert.match(job, /job\.activeDeadlineSeconds \(240s/);
  assert.match(job, /`helm uninstall` leaves behind, on purpose:\n(\s+- .*\n?)*\s+- the last run of the Job rel-db-migrate/);
  assert.match(notes('db-migrate', ['job.activeDeadlineSeconds=0']), /job\.activeDeadlineSeconds is 0 \(no limit\)/);
  const shop = notes('shop-api');
  assert.match(shop, /- the Secret rel-shop-api \(its generated values survive a reinstall\)/);
  assert.match(shop, /- the certificate Secret rel-shop-api-tls that cert-manager wrote/);
  assert.not.match(notes('shop-api', ['secrets.existingSecret=mine', 'ingress.tls.enabled=false']), /leaves behind/);
  assert.match(notes('ledger'), /- the claims data-rel-ledger-N, one per pod, with their data/);
});

test('the chart README says what helm uninstall leaves behind', async () => {
  const { readFileSync } = await import('node:fs');
  const readme = (chart: string) => readFileSync(join(freshChart(chart), 'README.md'), 'utf8');
  assert.match(readme('shop-api'), /`helm uninstall` deletes the release's objects but leaves behind[^\n]*\n- the Secret `<fullname>`[^\n]*\n- the certificate Secret `<fullname>-tls`/);
  assert.match(readme('db-migrate'), /- the last run of the Job/);
  assert.match(readme('db-migrate'), /`job\.backoffLimit` 3 and\n`job\.activeDeadlineSeconds` 240/);
  assert.match(readme('ledger'), /- the claims `data-<fullname>-N`/);
  assert.not.match(readme('hello'), /leaves behind/);
});

test("the notes list the components, and what helm uninstall leaves of them", () => {
  const bookshop = notes('bookshop');
  assert.match(bookshop, /Components beside the main workload:\n\s+- api: a Deployment behind a ClusterIP Service on port 9000\n(\s+- .*\n)*\s+- migrate: a Job run as a `pre-install,pre-upgrade` hook\n/);
  assert.match(bookshop, /- the last run of the Job rel-bookshop-migrate: a hook is no resource of the release/);
  assert.match(bookshop, /- the claims data-rel-bookshop-cache-N, one per pod, with their data/);
  const off = notes('bookshop', ['components.cache.enabled=false']);
  assert.match(off, /- cache: switched off \(components\.cache\.enabled=false\)/);
  assert.not.match(off, /data-rel-bookshop-cache/);
});

test.run();
