// Every invalid answer is reported as `path: message`, all at once, with nothing else.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { validateAnswers, formatProblems } from '../src/answers/validate.ts';
import { answersSchema } from '../src/answers/schema.ts';

const base = (): Record<string, any> => ({
  name: 'shop-api',
  image: { repository: 'ghcr.io/acme/shop-api', tag: '1.0.0' },
  service: { port: 8080 },
});

// The message lists every key allowed at that level, as the schema defines them.
const TOP_LEVEL_KEYS = Object.keys(answersSchema.properties as object).join(', ');

function problems(data: unknown): string[] {
  const result = validateAnswers(data);
  return result.ok ? [] : formatProblems(result.problems).split('\n');
}

function rejects(title: string, change: (answers: Record<string, any>) => void, expected: string[]) {
  test(title, () => {
    const answers = base();
    change(answers);
    assert.equal(problems(answers), expected);
  });
}

test('the minimal answers are valid', () => {
  assert.equal(problems(base()), []);
});

rejects('a wrong workload kind names the allowed ones', (a) => (a.workload = { kind: 'Pod' }), [
  'workload.kind: must be one of Deployment, StatefulSet, DaemonSet, Job, CronJob',
]);
rejects('a CronJob needs a schedule', (a) => {
  delete a.service;
  a.workload = { kind: 'CronJob' };
}, [
  'workload.schedule: required when workload.kind is CronJob',
]);
rejects('a typo is an unknown key, named by its own path', (a) => (a.image.tgа = 'x'), [
  'image.tgа: unknown key (allowed here: repository, tag, digest, pullPolicy)',
]);
// The rules read a typo as the key it was meant to be: what that key itself lacks is said at once.
rejects('a typo at the top level', (a) => (a.ingres = { enabled: true }), [
  `ingres: unknown key; did you mean ingress? (allowed here: ${TOP_LEVEL_KEYS})`,
  'ingress.host: required when ingress.enabled is true',
]);
rejects('a name with capitals', (a) => (a.name = 'Shop-API'), [
  "name: must be a lowercase DNS-1123 label: a-z, 0-9 and '-', starting with a letter, at most 53 characters",
]);
rejects('port 70000', (a) => (a.service = { port: 70000 }), ['service.port: must be <= 65535']);
rejects('min replicas above max', (a) => (a.autoscaling = { enabled: true, minReplicas: 5, maxReplicas: 3 }), [
  'autoscaling.minReplicas: autoscaling.minReplicas (5) must not exceed autoscaling.maxReplicas (3)',
]);
rejects('no tag, digest or appVersion', (a) => delete a.image.tag, [
  'image.tag: required unless image.digest or appVersion is set',
]);
rejects('the tag latest', (a) => (a.image.tag = 'latest'), [
  'image.tag: must be a pinned tag such as 1.4.2 (letters, digits, ".", "_", "-"), never "latest"',
]);
rejects('ingress without host', (a) => {
  a.service = { port: 8080 };
  a.ingress = { enabled: true };
}, ['ingress.host: required when ingress.enabled is true']);
rejects('ingress without a Service', (a) => {
  delete a.service;
  a.workload = { kind: 'Job' };
  a.ingress = { enabled: true, host: 'x.example.com' };
}, [
  'ingress.enabled: needs a Service: set service.port on a Deployment, StatefulSet or DaemonSet',
]);
rejects('a secret key that is no variable name', (a) => (a.secrets = { keys: ['API_TOKEN', 'db-password'] }), [
  'secrets.keys[1]: must be an environment variable name: letters, digits and "_", not starting with a digit',
]);
rejects('a repeated secret key', (a) => (a.secrets = { keys: ['A', 'A'] }), [
  'secrets.keys: must not repeat an item (items 0 and 1 are equal)',
]);
rejects('a wrong type', (a) => (a.service = { port: '8080' }), ['service.port: must be a whole number']);
rejects('a bad config key', (a) => (a.config = { data: { 'bad key': 'x' } }), [
  'config.data.bad key: key must be a ConfigMap key: letters, digits, "-", "_" and "."',
]);
rejects('TLS without an issuer', (a) => {
  a.service = { port: 8080 };
  a.ingress = { enabled: true, host: 'x.example.com', tls: { enabled: true } };
}, ['ingress.tls.issuer: required when ingress.tls.enabled is true (a cert-manager issuer name), unless acmeIssuer is set']);
rejects('replicas on a DaemonSet', (a) => (a.workload = { kind: 'DaemonSet', replicas: 2 }), [
  'workload.replicas: only for workload.kind Deployment or StatefulSet, not DaemonSet',
]);

test('every problem is reported at once, one line each', () => {
  const lines = problems({ name: 'Bad_Name', image: { tag: 'latest' }, workload: { kind: 'CronJob', timeZone: 'utc' }, extra: 1 });
  assert.equal(lines.toSorted(), [
    `extra: unknown key (allowed here: ${TOP_LEVEL_KEYS})`,
    'image.repository: required',
    'image.tag: must be a pinned tag such as 1.4.2 (letters, digits, ".", "_", "-"), never "latest"',
    "name: must be a lowercase DNS-1123 label: a-z, 0-9 and '-', starting with a letter, at most 53 characters",
    'workload.schedule: required when workload.kind is CronJob',
    'workload.timeZone: unknown time zone "utc": names are case-sensitive; did you mean "UTC"?',
  ]);
});

test('required keys missing from an empty mapping', () => {
  assert.equal(problems({}), [
    'name: required',
    'image.repository: required', // named by the key the user must write
    'workload.livenessCommand: required for a worker (a Deployment without service.port): the command that tells it is alive, e.g. [/app/healthcheck]',
  ]);
});

test.run();
