// The answers schema is written once, in TypeBox (src/parts/*/schema.ts): the shipped JSON Schema
// is exactly it, the compiled validator says what it says, and each problem keeps its words.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answersSchema } from '../src/answers/schema.ts';
import validateSchema from '../src/answers/validate-answers.generated.js';
import { validateAnswers, formatProblems } from '../src/answers/validate.ts';
import { repoRoot } from './support/paths.ts';

test('schema/answers.schema.json is the TypeBox schema, byte for byte', () => {
  const shipped = readFileSync(join(repoRoot, 'schema/answers.schema.json'), 'utf8');
  assert.is(shipped, `${JSON.stringify(answersSchema, null, 2)}\n`, 'run npm run build and commit schema/answers.schema.json');
});

test('the top-level keys keep their order: an unknown key lists them so', () => {
  assert.equal(Object.keys(answersSchema.properties), [
    'name', 'description', 'version', 'appVersion', 'image', 'workload', 'service', 'extraPorts', 'ingress', 'config', 'secrets',
    'autoscaling', 'httpRoute', 'acmeIssuer', 'probes', 'resources', 'rbac', 'networkPolicy', 'persistence', 'metrics', 'components',
  ]);
  assert.equal(answersSchema.required, ['name', 'image']);
});

const base = () => ({ name: 'shop-api', image: { repository: 'ghcr.io/acme/shop-api', tag: '1.0.0' }, service: { port: 8080 } });

test('the compiled validator: one-line text, a NetworkPolicyPeer taken as given', () => {
  // textProblems names a control character first; the schema refuses it too, for editors.
  assert.not.ok(validateSchema({ ...base(), description: 'two\nlines' }));
  assert.is(validateSchema.errors?.[0]?.instancePath, '/description');
  // An ipBlock is a Kubernetes object: its fields are Kubernetes's to check.
  assert.ok(validateSchema({ ...base(), networkPolicy: { ingressFrom: [{ ipBlock: { cidr: '10.0.0.0/8', except: [] } }] } }));
});

// Each case reaches a part of the schema that TypeBox builds differently from a plain object:
// enums with their type, maps with propertyNames, required keys in their order, `type` lists.
const cases: [string, Record<string, unknown>, string[]][] = [
  ['an enum given a number', { workload: { kind: 3 } }, [
    'workload.kind: must be a string',
    'workload.kind: must be one of Deployment, StatefulSet, DaemonSet, Job, CronJob',
  ]],
  ['a config value that is a mapping', { config: { data: { A: { nested: 1 } } } }, ['config.data.A: must be a string or a number or a boolean']],
  ['an empty NetworkPolicyPeer', { networkPolicy: { ingressFrom: [{}] } }, ['networkPolicy.ingressFrom[0]: must NOT have fewer than 1 properties']],
  ['an ipBlock without cidr', { networkPolicy: { ingressFrom: [{ ipBlock: { except: [] } }] } }, ['networkPolicy.ingressFrom[0].ipBlock.cidr: required']],
  ['a probe without type', { probes: { liveness: {} } }, ['probes.liveness.type: required']],
  ['an RBAC rule with a wildcard and no groups', { rbac: { rules: [{ verbs: ['*'] }] } }, [
    'rbac.rules[0].apiGroups: required',
    'rbac.rules[0].resources: required',
    'rbac.rules[0].verbs[0]: must be one of get, list, watch, create, update, patch, delete, deletecollection',
  ]],
  ['an ExternalSecret without a store', { secrets: { keys: ['A'], externalSecret: {} } }, ['secrets.externalSecret.storeName: required']],
  ['a pull policy that is none', { image: { repository: 'x', tag: '1', pullPolicy: 'Sometimes' } }, ['image.pullPolicy: must be one of IfNotPresent, Always, Never']],
  ['an annotation key with a space', { service: { port: 8080, annotations: { 'bad key!': 'x' } } }, [
    'service.annotations.bad key!: key must be an annotation key such as example.com/name',
  ]],
  ['an annotation value that is a number', { ingress: { annotations: { a: 1 } } }, ['ingress.annotations.a: must be a string']],
  ['a parentRef without name, a Gateway issuer of no kind', { httpRoute: { parentRefs: [{ namespace: 'x' }], gateway: { tls: { issuerKind: 'Other' } } } }, [
    'httpRoute.parentRefs[0].name: required',
    'httpRoute.gateway.tls.issuerKind: must be one of ClusterIssuer, Issuer',
  ]],
  ['a chart version of two numbers', { version: '1.0' }, ['version: must be a version such as 0.1.0']],
  ['no access mode', { persistence: { accessModes: [] } }, ['persistence.accessModes: must NOT have fewer than 1 items']],
  ['an empty appVersion', { appVersion: '' }, ['appVersion: must NOT have fewer than 1 characters']],
];

for (const [title, change, expected] of cases) {
  test(`the compiled validator: ${title}`, () => {
    const result = validateAnswers({ ...base(), ...change });
    assert.equal(result.ok ? [] : formatProblems(result.problems).split('\n'), expected);
  });
}

test.run();
