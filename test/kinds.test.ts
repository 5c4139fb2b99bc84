// Each workload kind renders with its own semantics, checked on the objects real Helm renders.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { helms, helmTemplate } from './support/helm.ts';
import { freshChart } from './support/fresh-charts.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { validateAnswers, formatProblems } from '../src/answers/validate.ts';
import { generate } from '../src/generate.ts';
import { applyChanges } from '../src/write.ts';

const helm4 = (await helms()).find((binary) => binary.name === 'helm4')!;

function render(chart: string, set: string[] = [], releaseName = 'rel', kubeVersion = '1.35.0') {
  const rendered = helmTemplate(helm4.bin, freshChart(chart), { set, releaseName, kubeVersion });
  assert.ok(rendered.ok, rendered.output);
  const all = (kind: string) => rendered.docs.filter((doc) => doc.kind === kind);
  return { docs: rendered.docs, all, find: (kind: string) => all(kind)[0] };
}

test('StatefulSet: a headless Service named in serviceName, a client Service, a claim per pod', () => {
  const { find, all } = render('ledger');
  const statefulSet = find('StatefulSet');
  const services = all('Service');
  const headless = services.find((service) => service.spec.clusterIP === 'None');
  assert.ok(headless, 'a headless Service');
  assert.is(statefulSet.spec.serviceName, headless.metadata.name);
  assert.ok(services.some((service) => service.spec.clusterIP !== 'None'), 'and a client Service');
  assert.equal(headless.spec.selector, statefulSet.spec.selector.matchLabels);
  const [claim] = statefulSet.spec.volumeClaimTemplates;
  assert.is(claim.metadata.name, 'data');
  assert.is(claim.spec.resources.requests.storage, '20Gi');
  assert.is(claim.spec.storageClassName, 'fast-ssd');
  assert.equal(claim.spec.accessModes, ['ReadWriteOnce']);
  const mount = statefulSet.spec.template.spec.containers[0].volumeMounts.find((m: { name: string }) => m.name === 'data');
  assert.is(mount.mountPath, '/var/lib/postgresql');
  assert.is(statefulSet.spec.replicas, 3);
  assert.is(statefulSet.spec.podManagementPolicy, 'OrderedReady');
  assert.is(all('PersistentVolumeClaim').length, 0, 'no separate claim');
});

test('StatefulSet: the immutable fields do not change between upgrades', () => {
  const immutable = (set: string[]) => {
    const s = render('ledger', set).find('StatefulSet').spec;
    return JSON.stringify([s.serviceName, s.podManagementPolicy, s.selector, s.volumeClaimTemplates]);
  };
  assert.is(immutable(['replicaCount=5', 'image.tag=16.5', 'secrets.values.POSTGRES_PASSWORD=x']), immutable([]));
});

test('DaemonSet: no replicas, a node-by-node update strategy', () => {
  const daemonSet = render('node-agent').find('DaemonSet');
  assert.is(daemonSet.spec.replicas, undefined);
  assert.equal(daemonSet.spec.updateStrategy, { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } });
  assert.is(daemonSet.spec.template.spec.hostNetwork, undefined);
  const host = render('node-agent', ['hostNetwork=true', 'hostPort=9100']).find('DaemonSet').spec.template.spec;
  assert.is(host.hostNetwork, true);
  assert.is(host.containers[0].ports[0].hostPort, 9100);
});

test('Job: a post-install/post-upgrade hook recreated on every upgrade, no Service', () => {
  const { find, all } = render('db-migrate');
  const job = find('Job');
  assert.is(job.apiVersion, 'batch/v1');
  assert.is(job.metadata.annotations['helm.sh/hook'], 'post-install,post-upgrade');
  assert.is(job.metadata.annotations['helm.sh/hook-delete-policy'], 'before-hook-creation');
  assert.is(job.spec.template.spec.restartPolicy, 'Never');
  assert.is(job.spec.ttlSecondsAfterFinished, 86400);
  assert.equal(job.spec.template.spec.containers[0].command, ['/app/migrate']);
  assert.equal(job.spec.template.spec.containers[0].args, ['up']);
  assert.is(job.spec.template.spec.containers[0].livenessProbe, undefined);
  assert.is(all('Service').length, 0);
  // A changed config changes the pod template: fine for a hook, which is deleted and created anew.
  const changed = render('db-migrate', ['config.data.DATABASE_HOST=other']).find('Job');
  assert.is.not(changed.spec.template.metadata.annotations['checksum/config'], job.spec.template.metadata.annotations['checksum/config']);
  assert.is(changed.metadata.annotations['helm.sh/hook-delete-policy'], 'before-hook-creation');
});

test('CronJob: batch/v1 with its schedule, time zone, Forbid and checksums on the job template', () => {
  const cronJob = render('nightly-report').find('CronJob');
  assert.is(cronJob.apiVersion, 'batch/v1');
  assert.is(cronJob.spec.schedule, '30 2 * * MON-FRI');
  assert.is(cronJob.spec.timeZone, 'Europe/Berlin');
  assert.is(cronJob.spec.concurrencyPolicy, 'Forbid');
  const pod = cronJob.spec.jobTemplate.spec.template;
  assert.match(pod.metadata.annotations['checksum/config'], /^[0-9a-f]{64}$/);
  assert.is(pod.spec.restartPolicy, 'Never');
  // The config is a file, mounted by key.
  const volume = pod.spec.volumes.find((v: { name: string }) => v.name === 'config');
  assert.ok(volume.configMap);
  assert.is(pod.spec.containers[0].volumeMounts.find((m: { name: string }) => m.name === 'config').mountPath, '/etc/reports');
  assert.is(pod.spec.containers[0].envFrom, undefined);
  assert.match(render('nightly-report').find('ConfigMap').data['report.yaml'], /recipients:\n  - finance@example.com\n/);
});

test('a worker: no Service, an exec liveness probe', () => {
  const { find, all } = render('queue-worker');
  assert.is(all('Service').length, 0);
  const container = find('Deployment').spec.template.spec.containers[0];
  assert.equal(container.livenessProbe, { exec: { command: ['/app/healthcheck', '--quick'] } });
  assert.is(container.readinessProbe, undefined);
  assert.equal(container.ports, [{ name: 'metrics', containerPort: 9100, protocol: 'TCP' }], 'its metrics port only: a worker has no main port');
});

test('a 53-character release name: CronJob and StatefulSet names within 52, all names valid', () => {
  const release = `r${'x'.repeat(52)}`;
  for (const [chart, kind] of [['nightly-report', 'CronJob'], ['ledger', 'StatefulSet'], ['db-migrate', 'Job'], ['node-agent', 'DaemonSet']]) {
    const { docs, find } = render(chart!, [], release);
    assert.ok(find(kind!).metadata.name.length <= 52 || !['CronJob', 'StatefulSet'].includes(kind!), `${kind} name`);
    for (const doc of docs) assert.ok(doc.metadata.name.length <= 63, `${doc.kind} ${doc.metadata.name}`);
  }
  const ledger = render('ledger', [], release);
  assert.match(ledger.find('StatefulSet').spec.serviceName, /-headless$/);
});

test('Deployment with storage: a kept claim and the Recreate strategy', async () => {
  const generation = generate({
    name: 'files',
    image: { repository: 'ghcr.io/acme/files', tag: '1.0.0' },
    service: { port: 8080 },
    persistence: { size: '5Gi' },
  });
  assert.ok(generation.ok, generation.ok ? '' : formatProblems(generation.problems));
  if (!generation.ok) return;
  const chartDir = join(mkdtempSync(join(tmpdir(), 'k8s-chart-kinds-')), 'files');
  applyChanges(chartDir, generation.files);
  const rendered = helmTemplate(helm4.bin, chartDir, { kubeVersion: '1.35.0' });
  assert.ok(rendered.ok, rendered.output);
  const claim = rendered.docs.find((doc) => doc.kind === 'PersistentVolumeClaim');
  const deployment = rendered.docs.find((doc) => doc.kind === 'Deployment');
  assert.is(claim.metadata.annotations['helm.sh/resource-policy'], 'keep');
  assert.is(claim.spec.resources.requests.storage, '5Gi');
  assert.equal(deployment.spec.strategy, { type: 'Recreate' });
  const volume = deployment.spec.template.spec.volumes.find((v: { name: string }) => v.name === 'data');
  assert.is(volume.persistentVolumeClaim.claimName, claim.metadata.name);
  const scaled = helmTemplate(helm4.bin, chartDir, { set: ['replicaCount=2'] });
  assert.not.ok(scaled.ok, 'two replicas on a ReadWriteOnce claim');
  assert.match(scaled.output, /persistence.accessModes: a ReadWriteOnce volume serves one pod only/);
});

test('the native sidecars value needs Kubernetes 1.29', () => {
  const sidecar = [
    'nativeSidecars[0].name=proxy',
    'nativeSidecars[0].image=docker.io/library/busybox:1.37.0',
  ];
  const modern = render('shop-api', sidecar, 'rel', '1.29.0').find('Deployment').spec.template.spec;
  assert.equal(modern.initContainers.map((c: { name: string; restartPolicy: string }) => [c.name, c.restartPolicy]), [['proxy', 'Always']]);
  const old = helmTemplate(helm4.bin, freshChart('shop-api'), { set: sidecar, kubeVersion: '1.28.0' });
  assert.not.ok(old.ok);
  assert.match(old.output, /nativeSidecars: need Kubernetes 1.29 or later/);
});

function rejects(title: string, answers: Record<string, unknown>, expected: string[]) {
  test(`invalid: ${title}`, () => {
    const result = validateAnswers({ name: 'app', image: { repository: 'ghcr.io/acme/app', tag: '1.0.0' }, ...answers });
    assert.equal(result.ok ? [] : formatProblems(result.problems).split('\n'), expected);
  });
}

rejects('replicas on a DaemonSet', { workload: { kind: 'DaemonSet', replicas: 3 }, service: { port: 80 } }, [
  'workload.replicas: only for workload.kind Deployment or StatefulSet, not DaemonSet',
]);
rejects('autoscaling a DaemonSet', { workload: { kind: 'DaemonSet' }, service: { port: 80 }, autoscaling: { enabled: true } }, [
  'autoscaling.enabled: only for workload.kind Deployment or StatefulSet, not DaemonSet',
]);
rejects('a Service for a Job', { workload: { kind: 'Job' }, service: { port: 80 } }, [
  'service: a Job gets no Service: remove service, or choose a long-running workload.kind',
]);
rejects('an Ingress for a CronJob', { workload: { kind: 'CronJob', schedule: '@daily' }, ingress: { enabled: true, host: 'a.example.com' } }, [
  'ingress.enabled: needs a Service: set service.port on a Deployment, StatefulSet or DaemonSet',
]);
rejects('a schedule on a Deployment', { workload: { schedule: '@daily' }, service: { port: 80 } }, [
  'workload.schedule: only for workload.kind CronJob, not Deployment',
]);
rejects('a bad schedule', { workload: { kind: 'CronJob', schedule: '61 * * * *' } }, [
  'workload.schedule: minute field: 61 is out of range 0-59',
]);
rejects('TZ= in the schedule', { workload: { kind: 'CronJob', schedule: 'TZ=UTC 0 0 * * *' } }, [
  'workload.schedule: must not start with TZ= or CRON_TZ=: set workload.timeZone instead',
]);
rejects('a lowercase time zone', { workload: { kind: 'CronJob', schedule: '@daily', timeZone: 'etc/utc' } }, [
  'workload.timeZone: unknown time zone "etc/utc": names are case-sensitive; did you mean "Etc/UTC"?',
]);
rejects('ReadWriteOnce storage with two replicas', { workload: { replicas: 2 }, service: { port: 80 }, persistence: { size: '1Gi' } }, [
  'persistence.accessModes: ReadWriteOnce serves one pod only: use ReadWriteMany, or one replica without autoscaling',
]);
rejects('ReadWriteOnce storage with autoscaling', { service: { port: 80 }, persistence: {}, autoscaling: { enabled: true } }, [
  'persistence.accessModes: ReadWriteOnce serves one pod only: use ReadWriteMany, or one replica without autoscaling',
]);
rejects('a claim of its own for a DaemonSet', { workload: { kind: 'DaemonSet' }, service: { port: 80 }, persistence: { size: '1Gi' } }, [
  'persistence.existingClaim: required for a DaemonSet: only a Deployment or a StatefulSet gets a claim of its own',
  'persistence.size: only for a claim the chart creates (Deployment, StatefulSet), not a DaemonSet',
]);
rejects('an existing claim for a StatefulSet', { workload: { kind: 'StatefulSet' }, service: { port: 80 }, persistence: { existingClaim: 'data' } }, [
  'persistence.existingClaim: a StatefulSet gets a claim per pod from its volumeClaimTemplates: remove existingClaim',
]);
rejects('a worker without a liveness command', { workload: { kind: 'StatefulSet' } }, [
  'workload.livenessCommand: required for a worker (a StatefulSet without service.port): the command that tells it is alive, e.g. [/app/healthcheck]',
]);
rejects('a liveness command beside a port', { workload: { livenessCommand: ['true'] }, service: { port: 80 } }, [
  'workload.livenessCommand: only for a worker: with service.port the probes check the port',
]);

rejects('two volumes at one path', { service: { port: 80 }, config: { data: { A: 'b' }, mountPath: '/etc/app' }, secrets: { keys: ['B'], mountPath: '/etc/app' }, persistence: { mountPath: '/tmp' } }, [
  'secrets.mountPath: /etc/app is already config.mountPath\'s mount: choose another folder',
  'persistence.mountPath: /tmp is already the writable /tmp folder every pod gets: choose another folder',
]);

test('values that would render a pod Kubernetes refuses fail with the value named', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['node-agent', ['hostNetwork=true', 'hostPort=19100'], /hostPort: with hostNetwork the host port is the container port/],
    ['nightly-report', ['secrets.mountPath=/etc/reports'], /mount paths must differ/],
    ['queue-worker', ['serviceAccount.create=false'], /rbac.create: would grant rbac.rules to the namespace's default ServiceAccount/],
    ['docs-site', ['httpRoute.enabled=false'], /acmeIssuer.create: the issuer solves HTTP-01 through the chart's Ingress or own Gateway, and both are off/],
  ];
  for (const [chart, set, message] of cases) {
    const rendered = helmTemplate(helm4.bin, freshChart(chart), { set });
    assert.not.ok(rendered.ok, `${chart} ${set.join(' ')}`);
    assert.match(rendered.output, message);
  }
  assert.ok(helmTemplate(helm4.bin, freshChart('node-agent'), { set: ['hostNetwork=true', 'hostPort=9100'] }).ok);
  assert.ok(helmTemplate(helm4.bin, freshChart('queue-worker'), { set: ['serviceAccount.create=false', 'serviceAccount.name=worker'] }).ok);
});

test('a LoadBalancer Service: the NetworkPolicy admits traffic from outside the cluster', async () => {
  const generation = generate({ name: 'edge', image: { repository: 'ghcr.io/acme/edge', tag: '1.0.0' }, service: { port: 8443, type: 'LoadBalancer' } });
  assert.ok(generation.ok);
  if (!generation.ok) return;
  const chartDir = join(mkdtempSync(join(tmpdir(), 'k8s-chart-lb-')), 'edge');
  applyChanges(chartDir, generation.files);
  const rendered = helmTemplate(helm4.bin, chartDir);
  assert.ok(rendered.ok, rendered.output);
  const peers = rendered.docs.find((doc) => doc.kind === 'NetworkPolicy').spec.ingress[0].from;
  assert.ok(peers.some((peer: any) => peer.ipBlock?.cidr === '0.0.0.0/0'));
});

test('a 63-character nameOverride still gives valid labels', () => {
  const rendered = helmTemplate(helm4.bin, freshChart('shop-api'), { set: [`nameOverride=n${'x'.repeat(62)}`] });
  assert.ok(rendered.ok, rendered.output);
  for (const doc of rendered.docs) {
    for (const value of Object.values(doc.metadata.labels ?? {})) assert.ok(String(value).length <= 63, `${doc.kind} label ${value}`);
  }
  const policy = rendered.docs.find((doc) => doc.kind === 'NetworkPolicy');
  const testPeer = policy.spec.ingress[0].from.find((peer: any) => peer.podSelector?.matchLabels);
  assert.ok(testPeer.podSelector.matchLabels['app.kubernetes.io/name'].length <= 63);
});

test('ReadWriteMany storage may serve several replicas', () => {
  const result = validateAnswers({
    name: 'app',
    image: { repository: 'ghcr.io/acme/app', tag: '1.0.0' },
    workload: { replicas: 3 },
    service: { port: 80 },
    persistence: { accessModes: ['ReadWriteMany'] },
  });
  assert.ok(result.ok, result.ok ? '' : formatProblems(result.problems));
});

test.run();
