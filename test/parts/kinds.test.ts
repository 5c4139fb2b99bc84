// The workload part (src/kinds/) through its own interface: the kind's answers, defaults, rules,
// values section and templates, one kind at a time.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accepted, assertFiles, base, chartFiles, modelOf, partNamed, refusedAt, ruleProblems } from '../support/parts.ts';
import { KINDS, WORKLOAD_KINDS, type WorkloadKind } from '../../src/kinds/traits.ts';

const workload = partNamed('workload');
const batch = { service: undefined };
/** The smallest valid answers of each kind. */
const answersOf: Record<WorkloadKind, Record<string, unknown>> = {
  Deployment: base(),
  StatefulSet: base({ workload: { kind: 'StatefulSet' } }),
  DaemonSet: base({ workload: { kind: 'DaemonSet' } }),
  Job: base({ workload: { kind: 'Job' }, ...batch }),
  CronJob: base({ workload: { kind: 'CronJob', schedule: '*/15 * * * *' }, ...batch }),
};
const templateOf: Record<WorkloadKind, string> = {
  Deployment: 'templates/deployment.yaml',
  StatefulSet: 'templates/statefulset.yaml',
  DaemonSet: 'templates/daemonset.yaml',
  Job: 'templates/job.yaml',
  CronJob: 'templates/cronjob.yaml',
};

test('every kind of the table has answers here, and they are accepted', () => {
  assert.equal(KINDS.map((traits) => traits.kind), [...WORKLOAD_KINDS]);
  for (const kind of WORKLOAD_KINDS) accepted(answersOf[kind]);
});

test('schema: an answer of the wrong shape is refused by its path', () => {
  refusedAt(base({ workload: { kind: 'ReplicaSet' } }), 'workload.kind', /must be one of Deployment/);
  refusedAt(base({ workload: { replicas: -1 } }), 'workload.replicas');
  refusedAt(base({ workload: { command: '/app/run' } }), 'workload.command', /must be a list/);
  refusedAt(base({ workload: { kind: 'CronJob', schedule: '' }, ...batch }), 'workload.schedule');
});

test("model: the kind's traits, one replica, a time zone only for a schedule", () => {
  const deployment = modelOf(answersOf.Deployment).workload;
  assert.equal([deployment.kind, deployment.replicated, deployment.replicas, deployment.timeZone, deployment.worker], ['Deployment', true, 1, '', false]);
  const cron = modelOf(answersOf.CronJob).workload;
  assert.equal([cron.scheduled, cron.schedule, cron.timeZone, cron.podTemplatePath], [true, '*/15 * * * *', 'Etc/UTC', 'spec.jobTemplate.spec.template']);
  assert.is(modelOf(base({ service: undefined, workload: { livenessCommand: ['/ok'] } })).workload.worker, true);
});

test('rules: a schedule for a CronJob only, a liveness command for a worker only, replicas for replicated kinds only', () => {
  for (const kind of WORKLOAD_KINDS) assert.equal(ruleProblems(workload, answersOf[kind]), [], kind);
  assert.equal(ruleProblems(workload, base({ workload: { kind: 'CronJob' }, ...batch })), ['workload.schedule: required when workload.kind is CronJob']);
  assert.match(ruleProblems(workload, base({ workload: { kind: 'CronJob', schedule: '61 * * * *' }, ...batch })).join('\n'), /^workload\.schedule: /m);
  assert.match(ruleProblems(workload, base({ workload: { kind: 'CronJob', schedule: '@daily', timeZone: 'Mars/Olympus' }, ...batch })).join('\n'), /^workload\.timeZone: /m);
  assert.match(ruleProblems(workload, base({ workload: { schedule: '@daily' } })).join('\n'), /^workload\.schedule: only for workload\.kind CronJob, not Deployment$/m);
  assert.match(ruleProblems(workload, base({ service: undefined })).join('\n'), /^workload\.livenessCommand: required for a worker/m);
  assert.match(ruleProblems(workload, base({ workload: { livenessCommand: ['/ok'] } })).join('\n'), /^workload\.livenessCommand: only for a worker: with service\.port/m);
  assert.match(ruleProblems(workload, base({ workload: { kind: 'DaemonSet', replicas: 2 } })).join('\n'), /^workload\.replicas: only for workload\.kind Deployment or StatefulSet, not DaemonSet$/m);
});

test("values: one section titled by the kind, with that kind's own keys", () => {
  const sections = (kind: WorkloadKind) => workload.values!(modelOf(answersOf[kind]));
  const keys = (kind: WorkloadKind) => sections(kind).flatMap((section) => section.nodes.map((node) => node.key));
  for (const kind of WORKLOAD_KINDS) assert.equal(sections(kind).map((section) => section.title), [kind]);
  assert.ok(keys('Deployment').includes('replicaCount') && keys('Deployment').includes('strategy'));
  assert.ok(keys('StatefulSet').includes('podManagementPolicy'));
  assert.ok(keys('DaemonSet').includes('hostNetwork') && !keys('DaemonSet').includes('replicaCount'));
  assert.ok(keys('Job').includes('job') && !keys('Job').includes('cronjob'));
  assert.ok(keys('CronJob').includes('cronjob'));
  for (const kind of WORKLOAD_KINDS) {
    const schema = JSON.parse(chartFiles(answersOf[kind]).get('values.schema.json')!) as { properties: Record<string, unknown> };
    for (const key of keys(kind)) assert.ok(key in schema.properties, `${kind}: values.schema.json has ${key}`);
  }
});

test("files: the kind's own template, and no other kind's", () => {
  for (const kind of WORKLOAD_KINDS) {
    const others = WORKLOAD_KINDS.filter((other) => other !== kind).map((other) => templateOf[other]);
    assertFiles([templateOf[kind]], answersOf[kind]);
    const files = chartFiles(answersOf[kind]);
    for (const path of others) assert.not.ok(files.has(path), `${kind}: no ${path}`);
  }
  assertFiles(['templates/service-headless.yaml'], answersOf.StatefulSet, answersOf.Deployment);
});

test.run();
