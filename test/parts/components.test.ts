// Components: more workloads in one chart, each rendered as its kind from the same templates as the
// main workload, checked on what real Helm 3 and 4 render. No selector of one component may select
// another's pods, also across two releases in one namespace.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { helms, helmLint, helmTemplate } from '../support/helm.ts';
import { validateManifest } from '../support/k8s-schema.ts';
import { answersFile, runBin, tempDir } from '../support/bin.ts';
import { shopAnswers } from '../support/answers.ts';
import { generate } from '../../src/generate.ts';
import { validateAnswers, formatProblems } from '../../src/answers/validate.ts';

const binaries = await helms();

const main = parse(shopAnswers) as Record<string, unknown>;

const COMPONENTS = parse(`
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
  config: false
  secrets: false
`) as Record<string, unknown>;

/** A chart generated from the answers, with the given components, in a new directory. */
function chartDir(answers: Record<string, unknown> = { ...main, components: COMPONENTS }): string {
  const generation = generate(answers);
  if (!generation.ok) throw new Error(formatProblems(generation.problems));
  const dir = tempDir('k8s-chart-components-');
  for (const file of generation.files) {
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

test('a component with config: false and secrets: false gets neither', () => {
  const cache = render().find((doc) => doc.kind === 'StatefulSet');
  const container = cache.spec.template.spec.containers[0];
  assert.is(container.envFrom, undefined);
  assert.is(container.env, undefined);
  assert.is(cache.spec.template.metadata.annotations?.['checksum/config'], undefined, 'a config change does not roll it');
});

// The answers: every rule of a kind holds per component, and names its path.

const problemsOf = (components: unknown, extra: Record<string, unknown> = {}) => {
  const validation = validateAnswers({ ...main, ...extra, components });
  return validation.ok ? '' : formatProblems(validation.problems);
};

test('every rule of a kind holds per component, with the path', () => {
  assert.match(problemsOf({ worker: { workload: { kind: 'Deployment' } } }), /^components\.worker\.workload\.livenessCommand: required for a worker/m);
  assert.match(problemsOf({ nightly: { workload: { kind: 'CronJob' } } }), /^components\.nightly\.workload\.schedule: required when workload\.kind is CronJob/m);
  assert.match(problemsOf({ nightly: { workload: { kind: 'CronJob', schedule: '0 3 * * *', timeZone: 'Mars/Olympus' } } }), /^components\.nightly\.workload\.timeZone: /m);
  assert.match(
    problemsOf({ web: { workload: { kind: 'Deployment', replicas: 3 }, service: { port: 80 }, persistence: { enabled: true } } }),
    /^components\.web\.persistence\.accessModes: /m,
  );
  assert.match(problemsOf({ worker: { workload: { kind: 'Job', replicas: 2 } } }), /^components\.worker\.workload\.replicas: only for/m);
  assert.match(problemsOf({ worker: { workload: { kind: 'Job', livenessCommand: ['x'] }, image: { repository: 'Bad Name' } } }), /^components\.worker\.image\.repository: /m);
  assert.match(problemsOf({ worker: { workload: { kind: 'Deployment', livenessCommand: ['x'] }, servce: {} } }), /^components\.worker\.servce: unknown key/m);
  // The main workload's problems are not repeated under each component.
  assert.is(problemsOf({ migrate: { workload: { kind: 'Job' } } }), '');
});

test('component names: DNS labels, not the chart name, not a suffix the chart uses', () => {
  const job = { workload: { kind: 'Job' } };
  assert.match(problemsOf({ Worker: job }), /components: .*DNS-1123 label|components\.Worker/);
  assert.match(problemsOf({ shop: job }), /^components\.shop: must differ from the chart's name/m);
  for (const name of ['test', 'headless', 'cache-headless', 'tls', 'data']) {
    assert.match(problemsOf({ [name]: job }), new RegExp(`^components\\.${name}: names ending in`, 'm'), name);
  }
  assert.match(problemsOf({ ['a'.repeat(31)]: job }), /30 characters/);
});

test('routes name a component with a Service', () => {
  const ingress = (component: string) => ({ ingress: { enabled: true, host: 'shop.example.com', routes: [{ path: '/api', component }] } });
  assert.match(problemsOf({ worker: COMPONENTS.worker }, ingress('api')), /^ingress\.routes\[0\]\.component: no component api \(components: worker\)/m);
  assert.match(problemsOf({ worker: COMPONENTS.worker }, ingress('worker')), /^ingress\.routes\[0\]\.component: worker has no Service: set components\.worker\.service\.port/m);
  assert.is(problemsOf({ api: { service: { port: 9000 } } }, ingress('api')), '');
});

test('ingress and HTTPRoute send a route to its component\'s Service, the rest to the main one', () => {
  const routed = chartDir({
    ...main,
    ingress: { enabled: true, host: 'shop.example.com', routes: [{ path: '/api', component: 'api' }] },
    httpRoute: { enabled: true, hostnames: ['shop.example.com'], parentRefs: [{ name: 'public' }], routes: [{ path: '/api', component: 'api' }] },
    components: { api: { service: { port: 9000, servicePort: 80 } } },
  });
  for (const helm of binaries) {
    const rendered = helmTemplate(helm.bin, routed, { releaseName: 'rel' });
    assert.ok(rendered.ok, rendered.output);
    const ingress = rendered.docs.find((doc) => doc.kind === 'Ingress');
    assert.equal(
      ingress.spec.rules[0].http.paths.map((path: any) => [path.path, path.backend.service]),
      [['/', { name: 'rel-shop', port: { name: 'http' } }], ['/api', { name: 'rel-shop-api', port: { number: 80 } }]],
    );
    const route = rendered.docs.find((doc) => doc.kind === 'HTTPRoute');
    assert.equal(route.spec.rules.map((rule: any) => [rule.matches[0].path.value, rule.backendRefs]), [
      ['/', [{ name: 'rel-shop', port: 8080 }]],
      ['/api', [{ name: 'rel-shop-api', port: 80 }]],
    ]);
    const service = rendered.docs.find((doc) => doc.kind === 'Service' && doc.metadata.name === 'rel-shop-api');
    assert.is(service.spec.ports[0].port, 80);
    // A route set in values to a component without a Service fails, naming the value.
    const values = join(routed, 'wrong-route.yaml');
    writeFileSync(values, stringify({ ingress: { hosts: [{ host: 'shop.example.com', paths: [{ path: '/' }, { path: '/x', component: 'nope' }] }] } }));
    const wrong = helmTemplate(helm.bin, routed, { valuesFiles: [values] });
    assert.not.ok(wrong.ok);
    assert.match(wrong.output, /ingress\.hosts\[0\]\.paths\[1\]\.component: "nope" is no component with a Service/);
  }
});

test('a pre-install,pre-upgrade Job component reads its own hook copy of the ConfigMap and a Secret managed elsewhere', () => {
  const migrate = { workload: { kind: 'Job', command: ['bin/migrate'], hook: 'pre-install,pre-upgrade' } };
  assert.match(problemsOf({ migrate }), /^components\.migrate\.secrets: a pre-install,pre-upgrade Job runs before the chart's Secret exists/m);
  assert.is(problemsOf({ migrate: { ...migrate, secrets: false } }), '');
  // A Secret switched off, or no keys at all, is none to read.
  assert.is(problemsOf({ migrate }, { secrets: { enabled: false, keys: ['DB_PASSWORD'] } }), '');
  const job = { name: 'mig', appVersion: '1.0.0', image: { repository: 'ghcr.io/acme/mig' }, workload: migrate.workload, config: { enabled: false }, secrets: { enabled: false } };
  assert.ok(validateAnswers(job).ok, 'the main pre-install Job with config and secrets switched off');
  assert.match(
    formatProblems((validateAnswers({ ...main, workload: migrate.workload }) as { problems: any[] }).problems),
    /^workload\.hook: pre-install,pre-upgrade runs before the chart's ConfigMap and Secret exist/m,
  );
  assert.match(problemsOf({ worker: { workload: { kind: 'Deployment', hook: 'pre-install,pre-upgrade' } } }), /^components\.worker\.workload\.hook: only for workload\.kind Job/m);
  const secrets = { keys: ['DB_PASSWORD'], existingSecret: 'shop-database' };
  const dir = chartDir({ ...main, secrets, components: { migrate } });
  for (const helm of binaries) {
    const rendered = helmTemplate(helm.bin, dir, { releaseName: 'rel' });
    assert.ok(rendered.ok, rendered.output);
    const job = rendered.docs.find((doc) => doc.kind === 'Job');
    assert.is(job.metadata.annotations['helm.sh/hook'], 'pre-install,pre-upgrade');
    const copy = rendered.docs.find((doc) => doc.kind === 'ConfigMap' && doc.metadata.name === 'rel-shop-migrate');
    assert.equal(copy.metadata.annotations, {
      'helm.sh/hook': 'pre-install,pre-upgrade',
      'helm.sh/hook-weight': '-5',
      'helm.sh/hook-delete-policy': 'before-hook-creation,hook-succeeded',
    });
    const main = rendered.docs.find((doc) => doc.kind === 'ConfigMap' && doc.metadata.name === 'rel-shop');
    assert.equal(copy.data, main.data);
    const container = job.spec.template.spec.containers[0];
    assert.equal(container.envFrom, [{ configMapRef: { name: 'rel-shop-migrate' } }]);
    assert.is(container.env[0].valueFrom.secretKeyRef.name, 'shop-database');
    // The release's ServiceAccount does not exist yet when a pre-install hook runs: the namespace's
    // default one, with no token; one managed outside the release (create=false) is used as it is.
    assert.equal([job.spec.template.spec.serviceAccountName, job.spec.template.spec.automountServiceAccountToken], ['default', false]);
    const external = helmTemplate(helm.bin, dir, { releaseName: 'rel', set: ['serviceAccount.create=false', 'serviceAccount.name=migrator', 'components.migrate.automountServiceAccountToken=true'] });
    assert.ok(external.ok, external.output);
    const externalJob = external.docs.find((doc) => doc.kind === 'Job').spec.template.spec;
    assert.equal([externalJob.serviceAccountName, externalJob.automountServiceAccountToken], ['migrator', true]);
    const blanked = helmTemplate(helm.bin, dir, { set: ['secrets.existingSecret='] });
    assert.not.ok(blanked.ok);
    assert.match(blanked.output, /secrets\.existingSecret: required while a pre-install,pre-upgrade Job reads the secrets/);
  }
});

// Updates, in real git repositories.

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd, encoding: 'utf8' });
}

test('adding a component to a committed chart keeps the edits, the main name and selector, and bumps the patch; null removes it', () => {
  const repo = tempDir('k8s-chart-repo-');
  git(repo, 'init', '-q');
  const first = runBin(['--answers', answersFile(shopAnswers), '--output', repo]);
  assert.is(first.status, 0, first.stderr);
  const chart = join(repo, 'shop');
  const read = (path: string) => readFileSync(join(chart, path), 'utf8');
  const helm = binaries[1]!;
  const mainDeployment = () => {
    const rendered = helmTemplate(helm.bin, chart, { releaseName: 'rel', showOnly: ['templates/deployment.yaml'] });
    assert.ok(rendered.ok, rendered.output);
    return rendered.docs[0];
  };
  const before = mainDeployment();
  writeFileSync(join(chart, 'values.yaml'), read('values.yaml').replace('replicaCount: 1', '# Two since the launch.\nreplicaCount: 2'));
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'chart');

  const added = runBin(['--answers', answersFile(stringify({ ...main, components: { worker: COMPONENTS.worker } })), '--output', repo]);
  assert.is(added.status, 0, added.stderr);
  assert.ok(existsSync(join(chart, 'templates/worker/deployment.yaml')));
  assert.match(read('values.yaml'), /# Two since the launch\.\nreplicaCount: 2/);
  assert.match(read('values.yaml'), /## @param components\.worker\.replicaCount /);
  assert.match(read('Chart.yaml'), /^version: 0\.1\.1$/m);
  const after = mainDeployment();
  assert.is(after.metadata.name, before.metadata.name);
  assert.equal(after.spec.selector, before.spec.selector);
  const lint = helmLint(helm.bin, chart);
  assert.ok(lint.ok, lint.output);

  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'worker');
  const removed = runBin(['--answers', answersFile('name: shop\ncomponents:\n  worker: null\n'), '--output', repo]);
  assert.is(removed.status, 0, removed.stderr);
  assert.not.ok(existsSync(join(chart, 'templates/worker/deployment.yaml')));
  assert.not.match(read('values.yaml'), /components/);
  assert.match(read('values.yaml'), /# Two since the launch\.\nreplicaCount: 2/);
  assert.equal(mainDeployment().spec.selector, before.spec.selector);
});


test('a component scrapes its own metrics: a ServiceMonitor behind its Service, a PodMonitor on a port of its own; each selects only its pods', () => {
  const components = {
    ...COMPONENTS,
    worker: { workload: { kind: 'Deployment', command: ['bin/worker'], livenessCommand: ['bin/healthcheck'] }, extraPorts: [{ name: 'metrics', port: 9090 }], metrics: { port: 'metrics' } },
    cache: { ...(COMPONENTS.cache as object), metrics: { port: 'tcp', path: '/stats' } },
  };
  const scraped = chartDir({ ...main, components });
  for (const helm of binaries) {
    const rendered = helmTemplate(helm.bin, scraped, { releaseName: 'rel', kubeVersion: '1.35.0' });
    assert.ok(rendered.ok, rendered.output);
    const problems = rendered.docs.flatMap((doc) => validateManifest(doc, '1.35'));
    assert.equal(problems, [], problems.join('\n'));
    const monitors = rendered.docs.filter((doc) => doc.kind === 'ServiceMonitor' || doc.kind === 'PodMonitor');
    assert.equal(monitors.map((doc) => `${doc.kind}/${doc.metadata.name}`).sort(), ['PodMonitor/rel-shop-worker', 'ServiceMonitor/rel-shop-cache']);
    const pods = podsOf(rendered.docs);
    for (const monitor of monitors) {
      const selected = monitor.kind === 'PodMonitor'
        ? pods.filter((pod) => matches(monitor.spec.selector.matchLabels, pod.labels)).map((pod) => pod.owner)
        : rendered.docs.filter((doc) => doc.kind === 'Service' && matches(monitor.spec.selector.matchLabels, doc.metadata.labels)).map((doc) => doc.metadata.name);
      // A StatefulSet's headless Service has the same labels: the ServiceMonitor keeps its own Service by name.
      assert.ok(selected.length >= 1 && selected.every((owner) => owner.replace(/-headless$/, '').endsWith(monitor.metadata.name)), `${monitor.metadata.name} selects ${selected.join(', ')}`);
      if (monitor.kind === 'ServiceMonitor') assert.is(monitor.spec.endpoints[0].relabelings[0].regex, monitor.metadata.name);
    }
    const worker = rendered.docs.find((doc) => doc.kind === 'Deployment' && doc.metadata.name === 'rel-shop-worker')!;
    assert.equal(worker.spec.template.spec.containers[0].ports, [{ name: 'metrics', containerPort: 9090, protocol: 'TCP' }]);
    const policy = rendered.docs.find((doc) => doc.kind === 'NetworkPolicy' && doc.metadata.name === 'rel-shop-worker')!;
    assert.equal(policy.spec.ingress, [{ ports: [{ port: 'metrics', protocol: 'TCP' }], from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }] }]);
  }
  assert.match(problemsOf({ worker: { workload: { kind: 'Deployment', livenessCommand: ['x'] }, metrics: { port: 'nope' } } }), /^components\.worker\.metrics\.port: /m);
});

test("a pre-install Job as the main workload runs as the namespace's default ServiceAccount, with no token", () => {
  const dir = chartDir({ name: 'premig', appVersion: '1.0.0', image: { repository: 'ghcr.io/acme/mig' }, workload: { kind: 'Job', command: ['migrate'], hook: 'pre-install,pre-upgrade' } });
  for (const helm of binaries) {
    const rendered = helmTemplate(helm.bin, dir, { releaseName: 'rel', set: ['serviceAccount.automount=true'] });
    assert.ok(rendered.ok, rendered.output);
    const pod = rendered.docs.find((doc) => doc.kind === 'Job').spec.template.spec;
    assert.equal([pod.serviceAccountName, pod.automountServiceAccountToken], ['default', false]);
  }
  const readme = readFileSync(join(dir, 'README.md'), 'utf8');
  assert.match(readme, /a `pre-install,pre-upgrade` hook/);
  assert.match(readme, /runs as the namespace's\s+`default` ServiceAccount/);
});

test("components get the chart's pull secrets before their own, and an API token only when they ask", () => {
  for (const helm of binaries) {
    const values = ['serviceAccount.automount=true', 'imagePullSecrets[0].name=chart-pull', 'global.imagePullSecrets[0]=global-pull', 'components.worker.imagePullSecrets[0].name=own-pull', 'components.cache.automountServiceAccountToken=true'];
    const docs = render('rel', helm, values);
    const pods = docs.flatMap((doc) => {
      const template = doc.spec?.jobTemplate?.spec?.template ?? doc.spec?.template;
      return template && doc.kind !== 'Pod' ? [{ name: doc.metadata.name as string, spec: template.spec }] : [];
    });
    assert.ok(pods.length >= 5);
    for (const { name, spec } of pods) {
      const pulls = spec.imagePullSecrets.map((secret: { name: string }) => secret.name);
      assert.equal(pulls, name === 'rel-shop-worker' ? ['global-pull', 'chart-pull', 'own-pull'] : ['global-pull', 'chart-pull'], name);
      const token = name === 'rel-shop' || name === 'rel-shop-cache';
      assert.is(spec.automountServiceAccountToken, token, `${name}: token ${token}`);
      assert.is(spec.serviceAccountName, 'rel-shop', name);
    }
  }
});

test("a file of the user's where a new component's file goes is merged with, never overwritten", () => {
  const out = tempDir('k8s-chart-component-clash-');
  const first = runBin(['--answers', answersFile(shopAnswers), '--output', out]);
  assert.is(first.status, 0, first.stderr);
  const own = join(out, 'shop', 'templates', 'worker', 'deployment.yaml');
  mkdirSync(dirname(own), { recursive: true });
  writeFileSync(own, '# my own notes\n');
  const worker = { workload: { kind: 'Deployment', command: ['bin/worker'], livenessCommand: ['bin/ok'] } };
  const added = runBin(['--answers', answersFile(stringify({ ...main, components: { worker } })), '--output', out]);
  assert.is(added.status, 1, added.stdout);
  assert.match(added.stderr, /templates\/worker\/deployment\.yaml: line 1: changed by you and by the generator/);
  assert.match(added.stderr, /nothing was written/);
  assert.is(readFileSync(own, 'utf8'), '# my own notes\n');
  assert.not.ok(existsSync(join(out, 'shop', 'templates', 'worker', 'service.yaml')) || existsSync(join(out, 'shop', 'templates', 'worker', '_pod.tpl')), 'nothing half-written');
});

test('components.<name>.enabled=false switches a component off; a route to it then fails with its name', () => {
  for (const helm of binaries) {
    const off = render('rel', helm, ['components.worker.enabled=false', 'components.cache.enabled=false']);
    const names = off.map((doc) => `${doc.kind}/${doc.metadata.name}`);
    assert.not.ok(names.some((name) => /-(worker|cache)(-headless)?$/.test(name)), names.join('\n'));
    assert.ok(names.includes('CronJob/rel-shop-nightly') && names.includes('Deployment/rel-shop'));
  }
  const routed = chartDir({ ...main, ingress: { enabled: true, host: 'shop.example.com', routes: [{ path: '/cache', component: 'cache' }] }, components: COMPONENTS });
  const failed = helmTemplate(binaries[1]!.bin, routed, { set: ['components.cache.enabled=false'] });
  assert.not.ok(failed.ok);
  assert.match(failed.output, /component "cache" is switched off \(components\.cache\.enabled=false\)/);
});

test('a component takes resources in the answers like the main workload', () => {
  const dir = chartDir({ ...main, components: { ...COMPONENTS, worker: { ...(COMPONENTS.worker as object), resources: { requests: { memory: '1Gi' } } } } });
  const values = parse(readFileSync(join(dir, 'values.yaml'), 'utf8'));
  assert.equal(values.components.worker.resources, { requests: { cpu: '100m', memory: '1Gi' }, limits: { memory: '1Gi' } });
  assert.equal(values.resources, { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } });
  assert.match(problemsOf({ worker: { workload: { kind: 'Deployment', livenessCommand: ['x'] }, resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } } }), /^components\.worker\.resources\.requests\.cpu: 2 is more than resources\.limits\.cpu 1/m);
});

test('a route path is routed once: not the main path, not another route\'s', () => {
  const api = { workload: { kind: 'Deployment' }, service: { port: 9000 } };
  const ingress = (routes: unknown[]) => ({ ingress: { enabled: true, host: 'shop.example.com', routes } });
  assert.match(problemsOf({ api }, ingress([{ path: '/', component: 'api' }])), /^ingress\.routes\[0\]\.path: \/ goes to the main component already: a path goes to one Service$/m);
  assert.match(problemsOf({ api }, ingress([{ path: '/api', component: 'api' }, { path: '/api', component: 'api' }])), /^ingress\.routes\[1\]\.path: \/api goes to api already/m);
  assert.is(problemsOf({ api }, ingress([{ path: '/api', component: 'api' }, { path: '/v2', component: 'api' }])), '');
  assert.match(problemsOf({ api }, { httpRoute: { enabled: true, hostnames: ['shop.example.com'], routes: [{ path: '/', component: 'api' }] } }), /^httpRoute\.routes\[0\]\.path: \/ goes to the main component already/m);
});

test.run();
