// Issue 15, the rest of day two: safer defaults for volumes and rollouts (fsGroupChangePolicy, the
// /tmp size limit, revisionHistoryLimit, a StatefulSet's claim retention, the preStop pause) and
// autoscaling by KEDA, on freshly generated charts, rendered by real Helm 3 and 4, every object
// validated strictly for the Kubernetes version it is rendered for.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { helms, helmTemplate, type TemplateOptions } from './support/helm.ts';
import { validateManifest, type KubeVersion } from './support/k8s-schema.ts';
import { exampleAnswerFiles } from './support/paths.ts';
import { loadAnswersFile } from '../src/answers/load.ts';
import { formatProblems, validateAnswers } from '../src/answers/validate.ts';
import { generate } from '../src/generate.ts';
import { applyChanges } from '../src/write.ts';

const binaries = await helms();
type Doc = Record<string, any>;

function write(answers: { name: string } & Record<string, unknown>): string {
  const generation = generate(answers);
  if (!generation.ok) throw new Error(formatProblems(generation.problems));
  const dir = join(mkdtempSync(join(tmpdir(), 'k8s-chart-rollouts-')), answers.name);
  applyChanges(dir, generation.files);
  return dir;
}

/** A chart generated now from each example's answers. */
const charts = exampleAnswerFiles.map((file) => {
  const answers = loadAnswersFile(file) as { name: string; workload?: { kind?: string } };
  return { name: answers.name, kind: answers.workload?.kind ?? 'Deployment', dir: write(answers) };
});
const chart = (name: string) => charts.find((c) => c.name === name)!.dir;

/** Renders for a Kubernetes version and validates every object against that version's API. */
function render(dir: string, bin: string, opts: TemplateOptions = {}, schema: KubeVersion = '1.35'): Doc[] {
  const rendered = helmTemplate(bin, dir, { kubeVersion: schema === '1.28' ? '1.28.0' : '1.35.0', ...opts });
  assert.ok(rendered.ok, rendered.output);
  const problems = rendered.docs.flatMap((doc) => validateManifest(doc, schema));
  assert.equal(problems, [], problems.join('\n'));
  return rendered.docs;
}
function refused(dir: string, bin: string, opts: TemplateOptions, message: RegExp) {
  const rendered = helmTemplate(bin, dir, { kubeVersion: '1.35.0', ...opts });
  assert.not.ok(rendered.ok, `rendered with ${JSON.stringify(opts)}`);
  assert.match(rendered.output, message);
}

const LONG_RUNNING = ['Deployment', 'StatefulSet', 'DaemonSet'];
/** The workload objects with their pod specs (a CronJob's two levels down); the helm test pod is none. */
function workloads(docs: Doc[]): Array<{ doc: Doc; spec: Doc }> {
  return docs.flatMap((doc) => {
    if (doc.kind === 'CronJob') return [{ doc, spec: doc.spec.jobTemplate.spec.template.spec }];
    return doc.kind !== 'Pod' && doc.spec?.template?.spec?.containers ? [{ doc, spec: doc.spec.template.spec }] : [];
  });
}
const tmpVolume = (spec: Doc) => spec.volumes.find((volume: Doc) => volume.name === 'tmp');

/** A workload's own values: the top level's for the main workload, components.<name> for a component's. */
function ownValues(dir: string): (doc: Doc) => Doc {
  const values = parse(readFileSync(join(dir, 'values.yaml'), 'utf8'), { version: '1.1' }) as Doc;
  return (doc) => {
    const component = doc.metadata.labels?.['app.kubernetes.io/component'];
    return component ? values.components[component] : values;
  };
}
/** `--set` assignments at every workload's own path that has the value's top key. */
function setEverywhere(dir: string, assignments: string[]): string[] {
  const values = parse(readFileSync(join(dir, 'values.yaml'), 'utf8'), { version: '1.1' }) as Doc;
  const owners: Array<[string, Doc]> = [['', values], ...Object.entries(values.components ?? {}).map(([name, own]) => [`components.${name}.`, own as Doc] as [string, Doc])];
  return assignments.flatMap((assignment) => {
    const key = assignment.split(/[.=[]/)[0]!;
    return owners.filter(([, own]) => key in own).map(([prefix]) => prefix + assignment);
  });
}
/** The workloads whose own values have this key. */
const having = (dir: string, key: string, pods: Array<{ doc: Doc; spec: Doc }>) => {
  const own = ownValues(dir);
  return pods.filter(({ doc }) => key in own(doc));
};
const app = (spec: Doc) => spec.containers[0];

for (const { name, kind, dir } of charts) {
  for (const helm of binaries) {
    test(`${name} (${helm.name}): fsGroupChangePolicy OnRootMismatch and a /tmp size limit on every workload pod; both values set another way reach them`, () => {
      for (const schema of ['1.28', '1.35'] as const) {
        const pods = workloads(render(dir, helm.bin, {}, schema));
        assert.ok(pods.length >= 1);
        for (const { doc, spec } of pods) {
          assert.is(spec.securityContext.fsGroupChangePolicy, 'OnRootMismatch', doc.kind);
          assert.equal(tmpVolume(spec).emptyDir, { sizeLimit: '1Gi' }, doc.kind);
        }
      }
      const set = render(dir, helm.bin, { set: setEverywhere(dir, ['podSecurityContext.fsGroupChangePolicy=Always', 'tmpVolume.sizeLimit=64Mi']) });
      for (const { doc, spec } of workloads(set)) {
        assert.is(spec.securityContext.fsGroupChangePolicy, 'Always', doc.kind);
        assert.equal(tmpVolume(spec).emptyDir, { sizeLimit: '64Mi' }, doc.kind);
      }
      for (const { spec } of workloads(render(dir, helm.bin, { set: setEverywhere(dir, ['tmpVolume.sizeLimit=']) }))) {
        assert.equal(tmpVolume(spec).emptyDir, {}, 'empty: no limit');
      }
      refused(dir, helm.bin, { set: ['tmpVolume.sizeLimit=lots'] }, /sizeLimit/);
      refused(dir, helm.bin, { set: ['podSecurityContext.fsGroupChangePolicy=Never'] }, /fsGroupChangePolicy/);
    });

    test(`${name} (${helm.name}): revisionHistoryLimit on the long-running kinds only`, () => {
      const pods = workloads(render(dir, helm.bin));
      if (!LONG_RUNNING.includes(kind)) refused(dir, helm.bin, { set: ['revisionHistoryLimit=2'] }, /revisionHistoryLimit/);
      else refused(dir, helm.bin, { set: ['revisionHistoryLimit=-1'] }, /revisionHistoryLimit/);
      for (const { doc } of pods) {
        if (LONG_RUNNING.includes(doc.kind)) assert.is(doc.spec.revisionHistoryLimit, 5, doc.metadata.name);
        else assert.not.ok('revisionHistoryLimit' in doc.spec, doc.metadata.name);
      }
      const set = workloads(render(dir, helm.bin, { set: setEverywhere(dir, ['revisionHistoryLimit=2']) }, '1.28'));
      for (const { doc } of set.filter(({ doc }) => LONG_RUNNING.includes(doc.kind))) assert.is(doc.spec.revisionHistoryLimit, 2, doc.metadata.name);
    });
  }
}

test('persistentVolumeClaimRetentionPolicy: Retain and Retain by default, each settable, valid on 1.28 and 1.35, Helm 3 and 4', () => {
  const dir = chart('ledger');
  for (const helm of binaries) {
    for (const schema of ['1.28', '1.35'] as const) {
      const statefulSet = (docs: Doc[]) => docs.find((doc) => doc.kind === 'StatefulSet')!;
      assert.equal(statefulSet(render(dir, helm.bin, {}, schema)).spec.persistentVolumeClaimRetentionPolicy, { whenDeleted: 'Retain', whenScaled: 'Retain' });
      const set = render(dir, helm.bin, { set: ['persistentVolumeClaimRetentionPolicy.whenDeleted=Delete'] }, schema);
      assert.equal(statefulSet(set).spec.persistentVolumeClaimRetentionPolicy, { whenDeleted: 'Delete', whenScaled: 'Retain' });
      const scaled = render(dir, helm.bin, { set: ['persistentVolumeClaimRetentionPolicy.whenScaled=Delete'] }, schema);
      assert.equal(statefulSet(scaled).spec.persistentVolumeClaimRetentionPolicy, { whenDeleted: 'Retain', whenScaled: 'Delete' });
    }
    refused(dir, helm.bin, { set: ['persistentVolumeClaimRetentionPolicy.whenDeleted=Keep'] }, /whenDeleted/);
  }
  // A chart without claims of its pods has no such value.
  for (const helm of binaries) refused(chart('hello'), helm.bin, { set: ['persistentVolumeClaimRetentionPolicy.whenDeleted=Delete'] }, /persistentVolumeClaimRetentionPolicy/);
});

const withService = charts.filter(({ dir }) => render(dir, binaries[0]!.bin).some((doc) => doc.kind === 'Service'));

for (const { name, dir } of withService) {
  for (const helm of binaries) {
    test(`${name} (${helm.name}): preStop.sleepSeconds pauses the app container before SIGTERM: the sleep action from Kubernetes 1.30, exec on any`, () => {
      for (const { spec } of workloads(render(dir, helm.bin))) assert.is(app(spec).lifecycle, undefined, 'off by default');
      const on = render(dir, helm.bin, { set: setEverywhere(dir, ['preStop.sleepSeconds=10']) });
      assert.ok(having(dir, 'preStop', workloads(on)).length >= 1);
      for (const { doc, spec } of workloads(on)) {
        if (!having(dir, 'preStop', [{ doc, spec }]).length) {
          assert.is(app(spec).lifecycle, undefined, `${doc.metadata.name}: no Service, no pause`);
          continue;
        }
        assert.equal(app(spec).lifecycle, { preStop: { sleep: { seconds: 10 } } }, doc.kind);
        assert.equal(spec.containers.slice(1).map((c: Doc) => c.lifecycle), spec.containers.slice(1).map(() => undefined), 'the app container only');
      }
      const at130 = helmTemplate(helm.bin, dir, { kubeVersion: '1.30.0', set: ['preStop.sleepSeconds=10'] });
      assert.ok(at130.ok, at130.output);
      refused(dir, helm.bin, { kubeVersion: '1.29.9', set: ['preStop.sleepSeconds=10'] }, /preStop\.action: sleep needs Kubernetes 1\.30 or later/);
      const exec = render(dir, helm.bin, { set: setEverywhere(dir, ['preStop.sleepSeconds=10', 'preStop.action=exec']) }, '1.28');
      for (const { doc, spec } of having(dir, 'preStop', workloads(exec))) assert.equal(app(spec).lifecycle, { preStop: { exec: { command: ['sleep', '10'] } } }, doc.kind);
      // A lifecycle of the user's own: its postStart stays beside the pause; a preStop of its own is refused with it.
      const postStart = render(dir, helm.bin, { set: setEverywhere(dir, ['preStop.sleepSeconds=3', 'lifecycle.postStart.exec.command[0]=/bin/true']) });
      for (const { spec } of having(dir, 'preStop', workloads(postStart))) assert.equal(app(spec).lifecycle, { postStart: { exec: { command: ['/bin/true'] } }, preStop: { sleep: { seconds: 3 } } });
      refused(dir, helm.bin, { set: ['preStop.sleepSeconds=3', 'lifecycle.preStop.exec.command[0]=/bin/true'] }, /preStop\.sleepSeconds: lifecycle\.preStop is set too/);
      refused(dir, helm.bin, { set: ['preStop.sleepSeconds=30'] }, /preStop\.sleepSeconds: must be shorter than terminationGracePeriodSeconds/);
      refused(dir, helm.bin, { set: ['preStop.action=wait'] }, /action/);
    });
  }
}

test('a chart without a Service has no preStop value', () => {
  const without = charts.filter((c) => !withService.includes(c));
  assert.ok(without.length >= 2);
  for (const { dir } of without) for (const helm of binaries) refused(dir, helm.bin, { set: ['preStop.sleepSeconds=5'] }, /preStop/);
});

// ---------------------------------------------------------------------------------------------
// KEDA

const rabbitmq = { type: 'rabbitmq', metadata: { queueName: 'jobs', mode: 'QueueLength', value: '20' }, authenticationRef: { name: 'rabbitmq-auth' } };
/** A values file (--set would make the trigger's "20" a number). */
function valuesFile(values: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'k8s-chart-keda-')), 'values.yaml');
  writeFileSync(file, JSON.stringify(values));
  return file;
}
const queueTrigger = valuesFile({ autoscaling: { keda: { triggers: [rabbitmq] } } });

const kedaWorker = write({
  name: 'jobs-worker',
  appVersion: '1.0.0',
  image: { repository: 'ghcr.io/acme/jobs-worker' },
  workload: { kind: 'Deployment', livenessCommand: ['/app/healthy'] },
  autoscaling: { enabled: true, engine: 'keda', minReplicas: 1, maxReplicas: 20, keda: { triggers: [rabbitmq] } },
});
const kedaStatefulSet = write({
  name: 'shards',
  appVersion: '1.0.0',
  image: { repository: 'ghcr.io/acme/shards' },
  workload: { kind: 'StatefulSet' },
  service: { port: 7000 },
  persistence: { size: '1Gi', mountPath: '/data' },
  autoscaling: { enabled: true, engine: 'keda', targetCPUUtilizationPercentage: 60, keda: { triggers: [rabbitmq], pollingInterval: 15, cooldownPeriod: 120 } },
});

for (const helm of binaries) {
  test(`KEDA (${helm.name}): a worker and a StatefulSet get a ScaledObject on their triggers and no HPA; the workload leaves replicas to it; valid on 1.28 and 1.35`, () => {
    for (const schema of ['1.28', '1.35'] as const) {
      const worker = render(kedaWorker, helm.bin, {}, schema);
      assert.not.ok(worker.some((doc) => doc.kind === 'Service' || doc.kind === 'HorizontalPodAutoscaler'));
      const deployment = worker.find((doc) => doc.kind === 'Deployment')!;
      assert.not.ok('replicas' in deployment.spec);
      const so = worker.find((doc) => doc.kind === 'ScaledObject')!;
      assert.is(so.apiVersion, 'keda.sh/v1alpha1');
      assert.equal(so.spec.scaleTargetRef, { apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata.name });
      assert.equal([so.spec.minReplicaCount, so.spec.maxReplicaCount, so.spec.pollingInterval, so.spec.cooldownPeriod], [1, 20, 30, 300]);
      assert.equal(so.spec.triggers, [rabbitmq], 'no CPU trigger unless asked');
      assert.is(so.metadata.annotations, undefined, 'no transfer unless asked');
      assert.is(so.spec.advanced, undefined);

      const shards = render(kedaStatefulSet, helm.bin, {}, schema);
      const statefulSet = shards.find((doc) => doc.kind === 'StatefulSet')!;
      assert.not.ok('replicas' in statefulSet.spec);
      assert.not.ok(shards.some((doc) => doc.kind === 'HorizontalPodAutoscaler'));
      const scaled = shards.find((doc) => doc.kind === 'ScaledObject')!;
      assert.equal(scaled.spec.scaleTargetRef, { apiVersion: 'apps/v1', kind: 'StatefulSet', name: statefulSet.metadata.name });
      assert.equal(scaled.spec.triggers, [{ type: 'cpu', metricType: 'Utilization', metadata: { value: '60' } }, rabbitmq]);
      assert.equal([scaled.spec.pollingInterval, scaled.spec.cooldownPeriod], [15, 120]);
      const pdb = shards.find((doc) => doc.kind === 'PodDisruptionBudget');
      assert.ok(pdb, 'the disruption budget stays while KEDA scales');
    }
    refused(kedaWorker, helm.bin, { set: ['autoscaling.keda.triggers=null'] }, /autoscaling\.keda\.triggers: KEDA needs a trigger/);
    refused(kedaWorker, helm.bin, { valuesFiles: [valuesFile({ autoscaling: { keda: { triggers: [{ ...rabbitmq, extra: 1 }] } } })] }, /extra|additional/i);
    refused(kedaWorker, helm.bin, { valuesFiles: [valuesFile({ autoscaling: { keda: { triggers: [{ ...rabbitmq, metadata: { value: 20 } }] } } })] }, /value/);
    refused(kedaWorker, helm.bin, { set: ['autoscaling.engine=both'] }, /engine/);
  });

  test(`KEDA (${helm.name}): autoscaling.engine switches an HPA chart's values to a ScaledObject, the HPA's targets and behavior with it; transferHpaOwnership names the chart's HPA`, () => {
    const dir = chart('shop-api');
    const hpa = render(dir, helm.bin);
    const theHpa = hpa.find((doc) => doc.kind === 'HorizontalPodAutoscaler')!;
    assert.not.ok(hpa.some((doc) => doc.kind === 'ScaledObject'), 'hpa by default');
    for (const schema of ['1.28', '1.35'] as const) {
      const docs = render(dir, helm.bin, { set: ['autoscaling.engine=keda', 'autoscaling.targetMemoryUtilizationPercentage=80', 'autoscaling.behavior.scaleDown.stabilizationWindowSeconds=600'], valuesFiles: [queueTrigger] }, schema);
      assert.not.ok(docs.some((doc) => doc.kind === 'HorizontalPodAutoscaler'), 'never both');
      const so = docs.find((doc) => doc.kind === 'ScaledObject')!;
      assert.equal(so.spec.triggers, [
        { type: 'cpu', metricType: 'Utilization', metadata: { value: String(theHpa.spec.metrics[0].resource.target.averageUtilization) } },
        { type: 'memory', metricType: 'Utilization', metadata: { value: '80' } },
        rabbitmq,
      ]);
      assert.equal(so.spec.advanced, { horizontalPodAutoscalerConfig: { behavior: { scaleDown: { stabilizationWindowSeconds: 600 } } } });
      assert.equal([so.spec.minReplicaCount, so.spec.maxReplicaCount], [theHpa.spec.minReplicas, theHpa.spec.maxReplicas]);
      assert.not.ok('replicas' in docs.find((doc) => doc.kind === 'Deployment')!.spec);

      const transfer = render(dir, helm.bin, { set: ['autoscaling.engine=keda', 'autoscaling.keda.transferHpaOwnership=true', 'commonAnnotations.example\\.com/owner=a'] }, schema);
      const adopting = transfer.find((doc) => doc.kind === 'ScaledObject')!;
      assert.equal(adopting.metadata.annotations, { 'scaledobject.keda.sh/transfer-hpa-ownership': 'true', 'example.com/owner': 'a' });
      assert.is(adopting.spec.advanced.horizontalPodAutoscalerConfig.name, theHpa.metadata.name, "the old HPA's name");
    }
    // The HPA's own checks hold for KEDA's cpu trigger too: it measures in percent of the request.
    refused(dir, helm.bin, { set: ['autoscaling.engine=keda', 'resources.requests.cpu=null'] }, /resources\.requests\.cpu/);
    // Without the transfer, the engine values leave the HPA chart as it was.
    assert.equal(render(dir, helm.bin, { set: ['autoscaling.keda.transferHpaOwnership=true'] }).find((doc) => doc.kind === 'HorizontalPodAutoscaler'), theHpa);
  });
}

test('the answers: KEDA settings beside the HPA engine are refused, and the keda engine needs a trigger', () => {
  const base = { name: 'w', appVersion: '1.0.0', image: { repository: 'ghcr.io/acme/w' }, service: { port: 8080 } };
  const problems = (autoscaling: unknown) => {
    const validation = validateAnswers({ ...base, autoscaling });
    return validation.ok ? [] : validation.problems.map((p) => `${p.path}: ${p.message}`);
  };
  assert.equal(problems({ enabled: true, engine: 'keda', keda: { triggers: [rabbitmq] } }), []);
  assert.equal(problems({ enabled: true, engine: 'keda', targetCPUUtilizationPercentage: 50 }), []);
  assert.match(problems({ enabled: true, keda: { triggers: [rabbitmq] } }).join('\n'), /^autoscaling\.keda: only with autoscaling\.engine keda/);
  assert.match(problems({ enabled: true, engine: 'hpa', keda: { transferHpaOwnership: true } }).join('\n'), /^autoscaling\.keda: only with autoscaling\.engine keda/);
  assert.match(problems({ enabled: true, engine: 'keda' }).join('\n'), /^autoscaling\.keda\.triggers: required when autoscaling\.engine is keda/);
  assert.ok(problems({ enabled: true, engine: 'keda', keda: { triggers: [{ type: 'cron', metadata: { start: 1 } }] } }).some((p) => p.startsWith('autoscaling.keda.triggers')), 'metadata values are strings');
  assert.ok(problems({ enabled: true, engine: 'vpa' }).some((p) => p.startsWith('autoscaling.engine')));
});

test.run();
