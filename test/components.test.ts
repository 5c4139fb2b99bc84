// Components: more workloads in one chart, each rendered as its kind from the same templates as the
// main workload, checked on what real Helm 3 and 4 render. No selector of one component may select
// another's pods, also across two releases in one namespace.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { helms, helmLint, helmTemplate } from './support/helm.ts';
import { validateManifest } from './support/k8s-schema.ts';
import { tempDir } from './support/bin.ts';
import { toModel, type Answers } from '../src/model.ts';
import { renderChart } from '../src/chart/plan.ts';
import type { ComponentModel } from '../src/parts/components/model.ts';

const binaries = await helms();

const main = parse(`
name: shop
appVersion: "1.0.0"
image: {repository: ghcr.io/acme/shop}
service: {port: 8080}
config: {data: {LOG_LEVEL: info}}
secrets: {keys: [DB_PASSWORD]}
`) as Answers;

const COMPONENTS: Record<string, Partial<Answers>> = parse(`
worker:
  workload: {kind: Deployment, replicas: 2, command: [bin/worker], livenessCommand: [bin/healthcheck]}
migrate:
  workload: {kind: Job, command: [bin/migrate]}
nightly:
  workload: {kind: CronJob, schedule: "0 3 * * *", timeZone: Europe/Paris, command: [bin/report]}
cache:
  image: {repository: docker.io/valkey/valkey, tag: "8.1.1"}
  workload: {kind: StatefulSet}
  service: {port: 6379, protocol: tcp}
  persistence: {enabled: true, size: 1Gi}
`);

/** A chart with the given components, each modelled by the same model function as the main one. */
function chartDir(components: Record<string, Partial<Answers>> = COMPONENTS): string {
  const shared = { name: main.name, appVersion: main.appVersion, image: main.image, config: main.config, secrets: main.secrets };
  const model = {
    ...toModel(main),
    components: Object.entries(components).map(([name, own]): ComponentModel => ({ name, model: toModel({ ...shared, ...own } as Answers) })),
  };
  const dir = tempDir('k8s-chart-components-');
  for (const file of renderChart(model as never)) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return dir;
}

const dir = chartDir();

function render(releaseName = 'rel', helm = binaries[1]!, set: string[] = []) {
  const rendered = helmTemplate(helm.bin, dir, { releaseName, set, kubeVersion: '1.35.0' });
  assert.ok(rendered.ok, rendered.output);
  return rendered.docs;
}

/** Every pod template rendered, with the component it belongs to (by its workload's name). */
function podsOf(docs: any[]): Array<{ owner: string; labels: Record<string, string> }> {
  return docs.flatMap((doc) => {
    const template = doc.spec?.jobTemplate?.spec?.template ?? doc.spec?.template;
    return template ? [{ owner: `${doc.kind}/${doc.metadata.name}`, labels: template.metadata.labels }] : [];
  });
}

const matches = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(selector).every(([key, value]) => labels[key] === value);

test('components lint --strict and render on Helm 3 and 4, every object valid', () => {
  for (const helm of binaries) {
    const lint = helmLint(helm.bin, dir);
    assert.ok(lint.ok, lint.output);
    for (const [kubeVersion, schema] of [['1.28.0', '1.28'], ['1.35.0', '1.35']] as const) {
      const rendered = helmTemplate(helm.bin, dir, { kubeVersion });
      assert.ok(rendered.ok, rendered.output);
      const problems = rendered.docs.flatMap((doc) => validateManifest(doc, schema));
      assert.equal(problems, [], problems.join('\n'));
    }
  }
});

test('each component renders as its kind, named <fullname>-<component>; the main workload keeps its name and selector', () => {
  for (const helm of binaries) {
    const docs = render('rel', helm);
    const names = docs.map((doc) => `${doc.kind}/${doc.metadata.name}`);
    for (const name of [
      'Deployment/rel-shop',
      'Deployment/rel-shop-worker',
      'Job/rel-shop-migrate',
      'CronJob/rel-shop-nightly',
      'StatefulSet/rel-shop-cache',
      'Service/rel-shop',
      'Service/rel-shop-cache',
      'Service/rel-shop-cache-headless',
      'PodDisruptionBudget/rel-shop-worker',
      'NetworkPolicy/rel-shop',
      'NetworkPolicy/rel-shop-worker',
      'NetworkPolicy/rel-shop-cache',
      'ConfigMap/rel-shop',
      'Secret/rel-shop',
    ]) {
      assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
    }
    assert.is(names.filter((name) => name.startsWith('Service/')).length, 3, 'no Service for the worker or the batch kinds');
    const mainDeployment = docs.find((doc) => doc.kind === 'Deployment' && doc.metadata.name === 'rel-shop');
    assert.equal(mainDeployment.spec.selector.matchLabels, { 'app.kubernetes.io/name': 'shop', 'app.kubernetes.io/instance': 'rel' });
    assert.is(mainDeployment.spec.template.metadata.labels['app.kubernetes.io/part-of'], 'shop');
    const worker = docs.find((doc) => doc.metadata.name === 'rel-shop-worker' && doc.kind === 'Deployment');
    assert.equal(worker.spec.selector.matchLabels, {
      'app.kubernetes.io/name': 'shop-worker',
      'app.kubernetes.io/instance': 'rel',
      'app.kubernetes.io/component': 'worker',
    });
    assert.is(worker.spec.replicas, 2);
    const container = worker.spec.template.spec.containers[0];
    assert.equal(container.command, ['bin/worker']);
    assert.equal(container.livenessProbe.exec.command, ['bin/healthcheck']);
    assert.is(container.ports, undefined, 'a worker listens on no port');
    assert.equal(container.envFrom, [{ configMapRef: { name: 'rel-shop' } }], "the chart's ConfigMap");
    assert.is(container.env[0].valueFrom.secretKeyRef.name, 'rel-shop', "the chart's Secret");
    assert.is(worker.spec.template.spec.serviceAccountName, 'rel-shop', "the chart's ServiceAccount");
  }
});

test('per-kind semantics per component: StatefulSet headless Service and claims, Job hook, CronJob schedule and time zone', () => {
  const docs = render();
  const cache = docs.find((doc) => doc.kind === 'StatefulSet');
  assert.is(cache.spec.serviceName, 'rel-shop-cache-headless');
  assert.is(cache.spec.volumeClaimTemplates[0].spec.resources.requests.storage, '1Gi');
  assert.is(cache.spec.template.spec.containers[0].image, 'docker.io/valkey/valkey:8.1.1');
  assert.equal(cache.spec.template.spec.containers[0].ports, [{ name: 'tcp', containerPort: 6379, protocol: 'TCP' }]);
  const headless = docs.find((doc) => doc.metadata.name === 'rel-shop-cache-headless');
  assert.is(headless.spec.clusterIP, 'None');
  assert.equal(headless.spec.selector, cache.spec.selector.matchLabels);
  const job = docs.find((doc) => doc.kind === 'Job');
  assert.is(job.metadata.annotations['helm.sh/hook'], 'post-install,post-upgrade');
  assert.is(job.spec.template.spec.restartPolicy, 'Never');
  assert.is(job.spec.template.spec.containers[0].image, 'ghcr.io/acme/shop:1.0.0', "the chart's image by default");
  const cron = docs.find((doc) => doc.kind === 'CronJob');
  assert.is(cron.spec.schedule, '0 3 * * *');
  assert.is(cron.spec.timeZone, 'Europe/Paris');
  assert.ok(cron.metadata.name.length <= 52);
});

test('no selector of one component selects the pods of another, also across two releases in one namespace', () => {
  for (const helm of binaries) {
    const docs = [...render('one', helm), ...render('two', helm)];
    const pods = podsOf(docs);
    const workloads = new Map(docs.filter((doc) => doc.spec?.template || doc.spec?.jobTemplate).map((doc) => [doc.metadata.name, doc]));
    const selectors = docs.flatMap((doc): Array<{ by: string; selector: Record<string, string>; owner: string }> => {
      const by = `${doc.kind}/${doc.metadata.name}`;
      switch (doc.kind) {
        case 'Deployment':
        case 'StatefulSet':
          return [{ by, selector: doc.spec.selector.matchLabels, owner: by }];
        case 'Service':
          return [{ by, selector: doc.spec.selector, owner: '' }];
        case 'PodDisruptionBudget':
          return [{ by, selector: doc.spec.selector.matchLabels, owner: '' }];
        case 'NetworkPolicy':
          return [{ by, selector: doc.spec.podSelector.matchLabels, owner: '' }];
        case 'HorizontalPodAutoscaler': {
          const target = workloads.get(doc.spec.scaleTargetRef.name);
          return [{ by, selector: target.spec.selector.matchLabels, owner: '' }];
        }
        default:
          return [];
      }
    });
    assert.ok(selectors.length >= 16, `selectors found: ${selectors.length}`);
    for (const { by, selector } of selectors) {
      const selected = pods.filter((pod) => matches(selector, pod.labels)).map((pod) => pod.owner);
      assert.is(new Set(selected).size, 1, `${by} selects the pods of ${selected.join(', ') || 'nothing'}`);
    }
  }
});

test("every NetworkPolicy admits the chart's own pods on the component's port", () => {
  const docs = render();
  const policies = docs.filter((doc) => doc.kind === 'NetworkPolicy');
  const own = { podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'rel', 'app.kubernetes.io/part-of': 'shop' } } };
  for (const name of ['rel-shop', 'rel-shop-cache']) {
    const policy = policies.find((doc) => doc.metadata.name === name);
    assert.ok(policy.spec.ingress[0].from.some((peer: any) => JSON.stringify(peer) === JSON.stringify(own)), name);
  }
  assert.equal(policies.find((doc) => doc.metadata.name === 'rel-shop-cache').spec.ingress[0].ports, [{ port: 'tcp', protocol: 'TCP' }]);
  assert.equal(policies.find((doc) => doc.metadata.name === 'rel-shop-worker').spec.ingress, [], 'a worker takes no traffic');
  for (const pod of podsOf(docs)) assert.is(pod.labels['app.kubernetes.io/part-of'], 'shop', pod.owner);
});

test('names stay within their limits and keep the component, also for a long release name', () => {
  const release = 'a-very-long-release-name-that-fills-the-53-characters';
  const docs = render(release.slice(0, 53));
  for (const doc of docs) {
    const limit = ['CronJob', 'StatefulSet'].includes(doc.kind) ? 52 : 63;
    assert.ok(doc.metadata.name.length <= limit, `${doc.kind}/${doc.metadata.name}`);
  }
  for (const component of ['worker', 'migrate', 'nightly', 'cache']) {
    assert.ok(docs.some((doc) => doc.metadata.name.endsWith(`-${component}`)), component);
  }
  assert.ok(docs.some((doc) => doc.metadata.name.endsWith('-cache-headless')));
});

test('components.<name> values are checked by the strict schema and change only that component', () => {
  const helm = binaries[1]!;
  const wrong = helmTemplate(helm.bin, dir, { set: ['components.worker.replicaCountt=3'] });
  assert.not.ok(wrong.ok);
  assert.match(wrong.output, /replicaCountt/);
  const docs = render('rel', helm, ['components.worker.replicaCount=5']);
  assert.is(docs.find((doc) => doc.metadata.name === 'rel-shop-worker' && doc.kind === 'Deployment').spec.replicas, 5);
  assert.is(docs.find((doc) => doc.metadata.name === 'rel-shop' && doc.kind === 'Deployment').spec.replicas, 1);
});

test.run();
