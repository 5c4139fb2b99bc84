// Upgrades are accepted under both apply methods (Helm 3's three-way patch, Helm 4's server-side
// apply), a new chart version alone restarts no pod, and the appVersion always gives a valid image
// tag and a valid label.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { helms, helmTemplate } from './support/helm.ts';
import { freshChart } from './support/fresh-charts.ts';
import { generate } from '../src/generate.ts';
import { applyChanges } from '../src/write.ts';
import { validateAnswers, formatProblems } from '../src/answers/validate.ts';

const binaries = await helms();

function render(chartDir: string, set: string[] = [], helm = binaries[1]!) {
  const rendered = helmTemplate(helm.bin, chartDir, { set, releaseName: 'rel' });
  assert.ok(rendered.ok, rendered.output);
  return { docs: rendered.docs, find: (kind: string) => rendered.docs.find((doc) => doc.kind === kind) };
}

const example = freshChart;

test('a Deployment renders both rollingUpdate fields for RollingUpdate, and none for Recreate', () => {
  for (const helm of binaries) {
    const rolling = render(example('shop-api'), [], helm).find('Deployment').spec.strategy;
    assert.equal(rolling, { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } }, helm.version);
    const set = render(example('shop-api'), ['strategy.rollingUpdate.maxSurge=2', 'strategy.rollingUpdate.maxUnavailable=50%'], helm);
    assert.equal(set.find('Deployment').spec.strategy.rollingUpdate, { maxSurge: 2, maxUnavailable: '50%' });
    const recreate = render(example('shop-api'), ['strategy.type=Recreate'], helm).find('Deployment').spec.strategy;
    assert.equal(recreate, { type: 'Recreate' }, `${helm.version}: Recreate refuses a rollingUpdate`);
  }
});

test('a StatefulSet and a DaemonSet render their rolling update fields explicitly, and none for OnDelete', () => {
  const statefulSet = (set: string[]) => render(example('ledger'), set).find('StatefulSet').spec.updateStrategy;
  assert.equal(statefulSet([]), { type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
  assert.equal(statefulSet(['updateStrategy.type=OnDelete']), { type: 'OnDelete' });
  const daemonSet = (set: string[]) => render(example('node-agent'), set).find('DaemonSet').spec.updateStrategy;
  assert.equal(daemonSet([]), { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } });
  assert.equal(daemonSet(['updateStrategy.type=OnDelete']), { type: 'OnDelete' });
});

test('a new chart version changes no pod template: the version labels stay on the workload', () => {
  for (const chart of ['shop-api', 'ledger', 'node-agent', 'nightly-report', 'db-migrate']) {
    const copy = join(mkdtempSync(join(tmpdir(), 'k8s-chart-version-')), chart);
    cpSync(example(chart), copy, { recursive: true });
    const chartYaml = join(copy, 'Chart.yaml');
    writeFileSync(chartYaml, readFileSync(chartYaml, 'utf8').replace(/^version: .*$/m, 'version: 7.8.9'));
    const podTemplate = (dir: string) => {
      const workload = render(dir).docs.find((doc) => ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'].includes(doc.kind));
      const template = workload.kind === 'CronJob' ? workload.spec.jobTemplate.spec.template : workload.spec.template;
      return { workload, template };
    };
    const before = podTemplate(example(chart));
    const after = podTemplate(copy);
    assert.equal(after.template, before.template, `${chart}: the pod template is the same`);
    assert.is.not(after.workload.metadata.labels['helm.sh/chart'], before.workload.metadata.labels['helm.sh/chart']);
    assert.is(before.template.metadata.labels['helm.sh/chart'], undefined);
    assert.is(before.template.metadata.labels['app.kubernetes.io/version'], undefined);
    assert.ok(before.workload.metadata.labels['app.kubernetes.io/version'], `${chart}: the workload keeps the version label`);
  }
});

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function chartWith(answers: Record<string, unknown>): string {
  const generation = generate({ name: 'app', image: { repository: 'ghcr.io/acme/app' }, service: { port: 8080 }, ...answers });
  assert.ok(generation.ok, generation.ok ? '' : formatProblems(generation.problems));
  const dir = join(mkdtempSync(join(tmpdir(), 'k8s-chart-appversion-')), 'app');
  if (generation.ok) applyChanges(dir, generation.files);
  return dir;
}

test('an appVersion that is no image tag is refused while it is the tag, with the field named', () => {
  for (const appVersion of ['1.2.3+build.4', `1.${'0'.repeat(130)}`, 'latest', 'v1 beta', '.hidden']) {
    const result = validateAnswers({ name: 'app', appVersion, image: { repository: 'ghcr.io/acme/app' }, service: { port: 80 } });
    assert.not.ok(result.ok, appVersion);
    const lines = result.ok ? [] : formatProblems(result.problems).split('\n');
    const named = appVersion.length > 128 ? 'appVersion: must NOT have more than 128 characters' : 'appVersion: is the image tag while image.tag is not set, so it must be a pinned tag';
    assert.ok(lines.some((line) => line.startsWith(named)), lines.join('\n'));
  }
  const valid = (answers: Record<string, unknown>) => validateAnswers({ name: 'app', service: { port: 80 }, ...answers });
  assert.ok(valid({ appVersion: '1.2.3+build.4', image: { repository: 'ghcr.io/acme/app', tag: '1.2.3' } }).ok);
  assert.ok(valid({ appVersion: '1.2.3', image: { repository: 'ghcr.io/acme/app' } }).ok);
  assert.ok(valid({ appVersion: `1.${'2'.repeat(68)}`, image: { repository: 'ghcr.io/acme/app' } }).ok, 'a 70-character tag is a tag');
});

test('every label is valid, whatever the appVersion', () => {
  const cases: Array<[string, string]> = [
    ['1.2.3+build.4', '1.2.3_build.4'],
    [`2024.${'1'.repeat(66)}`, `2024.${'1'.repeat(58)}`],
    [`1.0.0-${'x'.repeat(56)}-.suffix`, `1.0.0-${'x'.repeat(56)}`],
    ['+meta', 'meta'],
    ['release candidate #3', 'release_candidate__3'],
  ];
  for (const [appVersion, label] of cases) {
    const dir = chartWith({ appVersion, image: { repository: 'ghcr.io/acme/app', tag: '1.0.0' } });
    for (const helm of binaries) {
      const { docs, find } = render(dir, [], helm);
      assert.is(find('Deployment').metadata.labels['app.kubernetes.io/version'], label, `${helm.version}: ${appVersion}`);
      assert.is(find('Deployment').spec.template.spec.containers[0].image, 'ghcr.io/acme/app:1.0.0');
      for (const doc of docs) {
        const labelSets = [doc.metadata.labels ?? {}, doc.spec?.template?.metadata?.labels ?? {}];
        for (const [key, value] of labelSets.flatMap((labels) => Object.entries(labels))) {
          assert.ok(String(value).length <= 63 && LABEL_VALUE.test(String(value)), `${doc.kind} ${key}: ${value}`);
        }
      }
    }
  }
});

test('a 70-character appVersion is the image tag, and its label is cut to 63 characters', () => {
  const appVersion = `1.${'2'.repeat(68)}`;
  const dir = chartWith({ appVersion });
  for (const helm of binaries) {
    const deployment = render(dir, [], helm).find('Deployment');
    assert.is(deployment.spec.template.spec.containers[0].image, `ghcr.io/acme/app:${appVersion}`);
    assert.is(deployment.metadata.labels['app.kubernetes.io/version'], appVersion.slice(0, 63));
  }
});

test('an appVersion edited into Chart.yaml that is no tag fails the render, naming image.tag', () => {
  const dir = chartWith({ appVersion: '1.0.0' });
  const chartYaml = join(dir, 'Chart.yaml');
  writeFileSync(chartYaml, readFileSync(chartYaml, 'utf8').replace('appVersion: "1.0.0"', 'appVersion: "1.0.0+build.7"'));
  for (const helm of binaries) {
    const rendered = helmTemplate(helm.bin, dir);
    assert.not.ok(rendered.ok, helm.version);
    assert.match(rendered.output, /image\.tag: "1\.0\.0\+build\.7" is no valid image tag/);
    assert.ok(helmTemplate(helm.bin, dir, { set: ['image.tag=1.0.0'] }).ok, 'image.tag set: renders');
  }
});

test.run();
