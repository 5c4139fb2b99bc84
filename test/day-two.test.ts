// Issue 15, day two: the values operators reach for, named as Bitnami's charts name them, on
// freshly generated charts of every example, rendered by real Helm 3 and 4.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { helms, helmTemplate, type TemplateOptions } from './support/helm.ts';
import { exampleAnswerFiles } from './support/paths.ts';
import { loadAnswersFile } from '../src/answers/load.ts';
import { formatProblems } from '../src/answers/validate.ts';
import { generate } from '../src/generate.ts';
import { applyChanges } from '../src/write.ts';

const binaries = await helms();
type Doc = Record<string, any>;

/** A chart generated now from each example's answers, in a fresh folder. */
const charts = exampleAnswerFiles.map((file) => {
  const answers = loadAnswersFile(file) as { name: string };
  const generation = generate(answers);
  if (!generation.ok) throw new Error(formatProblems(generation.problems));
  const dir = join(mkdtempSync(join(tmpdir(), 'k8s-chart-day-two-')), answers.name);
  applyChanges(dir, generation.files);
  return { name: answers.name, dir };
});

function render(dir: string, bin: string, opts: TemplateOptions = {}): Doc[] {
  const rendered = helmTemplate(bin, dir, { kubeVersion: '1.35.0', ...opts });
  assert.ok(rendered.ok, rendered.output);
  return rendered.docs;
}

/** The pod templates of a workload object (a CronJob's two levels down). */
function podTemplates(doc: Doc): Doc[] {
  if (doc.kind === 'CronJob') return [doc.spec.jobTemplate, doc.spec.jobTemplate.spec.template];
  return doc.spec?.template?.spec?.containers ? [doc.spec.template] : [];
}

for (const { name, dir } of charts) {
  for (const helm of binaries) {
    test(`${name} (${helm.name}): commonLabels and commonAnnotations on every object and pod template, never in a selector`, () => {
      const docs = render(dir, helm.bin, {
        set: [
          'commonLabels.example\\.com/team=platform',
          'commonLabels.app\\.kubernetes\\.io/name=other',
          'commonAnnotations.example\\.com/owner=team-a',
          'commonAnnotations.helm\\.sh/resource-policy=delete',
        ],
      });
      assert.ok(docs.length > 3);
      for (const doc of docs) {
        const what = `${doc.kind} ${doc.metadata.name}`;
        assert.is(doc.metadata.labels?.['example.com/team'], 'platform', what);
        assert.is.not(doc.metadata.labels['app.kubernetes.io/name'], 'other', `${what}: the chart's own label wins`);
        assert.is(doc.metadata.annotations?.['example.com/owner'], 'team-a', what);
        for (const template of podTemplates(doc)) {
          assert.is(template.metadata.labels['example.com/team'], 'platform', `${what}: pod template`);
        }
        const selector = doc.spec?.selector?.matchLabels ?? (doc.kind === 'Service' ? doc.spec.selector : undefined);
        if (selector) assert.not.ok('example.com/team' in selector, `${what}: selector`);
        if (doc.kind === 'PersistentVolumeClaim' || doc.kind === 'Secret') {
          assert.is(doc.metadata.annotations['helm.sh/resource-policy'], 'keep', `${what}: its own annotation wins`);
        }
        if (doc.metadata.annotations?.['helm.sh/hook']) {
          assert.ok(['test', 'post-install,post-upgrade', 'pre-install,pre-upgrade'].includes(doc.metadata.annotations['helm.sh/hook']), what);
        }
      }
    });
  }
}

test('the defaults add no label and no annotation', () => {
  for (const { dir } of charts) {
    for (const doc of render(dir, binaries[0]!.bin)) {
      assert.not.ok(Object.keys(doc.metadata.labels ?? {}).some((key) => key.startsWith('example.com/')));
      const annotations = doc.metadata.annotations ?? {};
      assert.ok(Object.keys(annotations).every((key) => !key.startsWith('example.com/')));
    }
  }
});

/** Every container of a pod spec, init containers and sidecars included. */
const containersOf = (spec: Doc): Doc[] => [...(spec.initContainers ?? []), ...spec.containers];
/** The pod specs of the rendered objects: each workload's and the `helm test` pod's. */
/** Every pod spec rendered, with the component it belongs to (none: the main workload's, the helm test pod's). */
function podSpecs(docs: Doc[]): Array<{ what: string; spec: Doc; component?: string }> {
  return docs.flatMap((doc) => {
    const what = `${doc.kind} ${doc.metadata.name}`;
    const component: string | undefined = doc.metadata.labels?.['app.kubernetes.io/component'];
    if (doc.kind === 'Pod') return [{ what, spec: doc.spec }];
    if (doc.kind === 'CronJob') return [{ what, spec: doc.spec.jobTemplate.spec.template.spec, component }];
    return doc.spec?.template?.spec?.containers ? [{ what, spec: doc.spec.template.spec, component }] : [];
  });
}

for (const { name, dir } of charts) {
  for (const helm of binaries) {
    test(`${name} (${helm.name}): global.imageRegistry and global.imagePullSecrets reach every image and pod, the helm test pod's included`, () => {
      const plain = podSpecs(render(dir, helm.bin));
      const docs = render(dir, helm.bin, {
        set: [
          'global.imageRegistry=mirror.example.com:5000',
          'global.imagePullSecrets[0]=global-a',
          'global.imagePullSecrets[1].name=global-b',
          'imagePullSecrets[0].name=own',
          'imagePullSecrets[1].name=global-a',
        ],
      });
      const pods = podSpecs(docs);
      assert.ok(pods.length >= 1);
      assert.is(pods.length, plain.length);
      pods.forEach(({ what, spec }, i) => {
        // A component's pods get the top level's too (it runs the chart's image unless it names one),
        // then its own (components.<name>.imagePullSecrets).
        assert.equal(spec.imagePullSecrets, [{ name: 'global-a' }, { name: 'global-b' }, { name: 'own' }], what);
        const before = plain[i]!.spec.containers as Doc[];
        spec.containers.forEach((container: Doc, j: number) => {
          const original: string = before[j]!.image;
          const [first, ...rest] = original.split('/');
          const path = rest.length && /[.:]|^localhost$/.test(first!) ? rest.join('/') : original;
          assert.is(container.image, `mirror.example.com:5000/${path}`, `${what}: ${container.name}`);
        });
      });
    });
  }
}

test('global.imageRegistry: a repository that names no registry gets it in front; without it images stay as they are', () => {
  const { dir } = charts.find((chart) => chart.name === 'hello')!;
  const bin = binaries[0]!.bin;
  const image = (set: string[]) => podSpecs(render(dir, bin, { set })).map(({ spec }) => spec.containers[0].image as string);
  const [app] = image(['image.repository=acme/app', 'global.imageRegistry=registry.example.com/']);
  assert.match(app!, /^registry\.example\.com\/acme\/app[:@]/);
  const [own] = image(['image.repository=localhost:5000/app', 'global.imageRegistry=mirror.example.com']);
  assert.match(own!, /^mirror\.example\.com\/app[:@]/);
  for (const { spec } of podSpecs(render(dir, bin))) assert.not.ok('imagePullSecrets' in spec);
});

test('global admits what a parent chart passes, and refuses a malformed registry or pull secret', () => {
  const { dir } = charts.find((chart) => chart.name === 'hello')!;
  for (const helm of binaries) {
    assert.ok(helmTemplate(helm.bin, dir, { set: ['global.environment=production', 'global.compatibility.other=1'] }).ok);
    for (const bad of ['global.imageRegistry=https://registry.example.com', 'global.imagePullSecrets[0].nam=x', 'global.imagePullSecrets[0]=Bad_Name']) {
      const res = helmTemplate(helm.bin, dir, { set: [bad] });
      assert.not.ok(res.ok, bad);
      assert.match(res.output, /global/, bad);
    }
  }
});

test('extraDeploy: maps and strings, each rendered through tpl, on Helm 3 and 4', () => {
  const values = join(mkdtempSync(join(tmpdir(), 'k8s-chart-extra-')), 'values.yaml');
  writeFileSync(values, [
    'extraDeploy:',
    '  - apiVersion: v1',
    '    kind: ConfigMap',
    '    metadata:',
    '      name: "{{ .Release.Name }}-extra"',
    '    data:',
    '      namespace: "{{ .Release.Namespace }}"',
    '  - |',
    '    apiVersion: v1',
    '    kind: ConfigMap',
    '    metadata:',
    '      name: {{ include "hello.fullname" . }}-text',
    '  - apiVersion: v1',
    '    kind: ConfigMap',
    '    metadata:',
    '      name: plain',
    '',
  ].join('\n'));
  const { dir } = charts.find((chart) => chart.name === 'hello')!;
  for (const helm of binaries) {
    const docs = render(dir, helm.bin, { valuesFiles: [values], releaseName: 'rel', namespace: 'shop' });
    const maps = docs.filter((doc) => doc.kind === 'ConfigMap').map((doc) => doc.metadata.name);
    assert.equal(maps.sort(), ['plain', 'rel-extra', 'rel-hello-text'], helm.name);
    assert.is(docs.find((doc) => doc.metadata.name === 'rel-extra')!.data.namespace, 'shop');
  }
  // commonLabels and commonAnnotations reach the extra objects too, their own of the same key winning.
  const labelled = join(dirname(values), 'labelled.yaml');
  writeFileSync(labelled, 'commonLabels: {example.com/team: platform, tier: common}\ncommonAnnotations: {example.com/owner: team-a}\nextraDeploy:\n  - {apiVersion: v1, kind: ConfigMap, metadata: {name: own, labels: {tier: own}}}\n  - "apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: text\\n"\n');
  for (const helm of binaries) {
    const docs = render(dir, helm.bin, { valuesFiles: [labelled], releaseName: 'rel' });
    const own = docs.find((doc) => doc.metadata.name === 'own')!;
    const text = docs.find((doc) => doc.metadata.name === 'text')!;
    assert.equal(own.metadata.labels, { 'example.com/team': 'platform', tier: 'own' }, helm.name);
    assert.equal(text.metadata.labels, { 'example.com/team': 'platform', tier: 'common' }, helm.name);
    assert.equal([own.metadata.annotations, text.metadata.annotations], [{ 'example.com/owner': 'team-a' }, { 'example.com/owner': 'team-a' }]);
  }
  const anyChart = join(dirname(values), 'any-chart.yaml');
  writeFileSync(anyChart, 'extraDeploy:\n  - {apiVersion: v1, kind: ConfigMap, metadata: {name: "{{ .Release.Name }}-extra"}}\n  - "apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: plain\\n"\n');
  for (const { dir } of charts) {
    for (const helm of binaries) {
      const docs = render(dir, helm.bin, { valuesFiles: [anyChart], releaseName: 'rel' });
      assert.ok(docs.some((doc) => doc.metadata.name === 'rel-extra'), dir);
      assert.ok(docs.some((doc) => doc.metadata.name === 'plain'), dir);
    }
  }
});

const replicatedKinds = ['Deployment', 'StatefulSet'];

for (const { name, dir } of charts) {
  for (const helm of binaries) {
    test(`${name} (${helm.name}): podAntiAffinityPreset spreads replicated pods over nodes by the selector labels; affinity replaces it`, () => {
      const workloads = (docs: Doc[]) => docs.filter((doc) => doc.spec?.template?.spec?.containers && doc.kind !== 'Pod');
      const soft = workloads(render(dir, helm.bin));
      for (const doc of soft) {
        const affinity = doc.spec.template.spec.affinity;
        if (!replicatedKinds.includes(doc.kind)) {
          assert.is(affinity, undefined, `${doc.kind}: no preset`);
          continue;
        }
        const [term] = affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution;
        assert.is(term.weight, 1);
        assert.is(term.podAffinityTerm.topologyKey, 'kubernetes.io/hostname');
        assert.equal(term.podAffinityTerm.labelSelector.matchLabels, doc.spec.selector.matchLabels);
      }
      if (!soft.some((doc) => replicatedKinds.includes(doc.kind))) return;
      // The values below are the main workload's; each component has its own (components.<name>.*).
      const main = (docs: Doc[]) => workloads(docs).filter((doc) => !doc.metadata.labels['app.kubernetes.io/component']);
      for (const doc of main(render(dir, helm.bin, { set: ['podAntiAffinityPreset=hard'] }))) {
        const [term] = doc.spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution;
        assert.equal(term.labelSelector.matchLabels, doc.spec.selector.matchLabels);
        assert.is(term.topologyKey, 'kubernetes.io/hostname');
      }
      for (const doc of main(render(dir, helm.bin, { set: ['podAntiAffinityPreset='] }))) {
        assert.is(doc.spec.template.spec.affinity, undefined);
      }
      const own = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] }] } } };
      for (const doc of main(render(dir, helm.bin, { set: ['affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].key=disk', 'affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator=In', 'affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values[0]=ssd'] }))) {
        assert.equal(doc.spec.template.spec.affinity, own, 'a user-given affinity replaces the preset');
      }
      assert.not.ok(helmTemplate(helm.bin, dir, { set: ['podAntiAffinityPreset=always'] }).ok, 'the schema refuses another preset');
    });
  }
}

/** Every security context of the rendered pods: the pod's and each container's. */
function securityContexts(docs: Doc[]): Doc[] {
  return podSpecs(docs).flatMap(({ spec }) => [spec.securityContext ?? {}, ...spec.containers.map((c: Doc) => c.securityContext ?? {})]);
}
const fixedIds = (contexts: Doc[]) => contexts.flatMap((sc) => ['runAsUser', 'runAsGroup', 'fsGroup', 'seLinuxOptions'].filter((key) => key in sc));

for (const { name, dir } of charts) {
  for (const helm of binaries) {
    test(`${name} (${helm.name}): global.compatibility.openshift.adaptSecurityContext drops fixed ids where OpenShift assigns them`, () => {
      const openshift = { apiVersions: ['security.openshift.io/v1'] };
      assert.ok(fixedIds(securityContexts(render(dir, helm.bin))).length > 0, 'fixed ids off OpenShift');
      const auto = securityContexts(render(dir, helm.bin, openshift));
      assert.equal(fixedIds(auto), [], 'auto, on OpenShift');
      assert.ok(podSpecs(render(dir, helm.bin, openshift)).every(({ spec }) => spec.securityContext.runAsNonRoot === true), 'runAsNonRoot stays');
      assert.equal(fixedIds(securityContexts(render(dir, helm.bin, { set: ['global.compatibility.openshift.adaptSecurityContext=force'] }))), [], 'force');
      assert.ok(fixedIds(securityContexts(render(dir, helm.bin, { ...openshift, set: ['global.compatibility.openshift.adaptSecurityContext=disabled'] }))).length > 0, 'disabled');
      assert.not.ok(helmTemplate(helm.bin, dir, { set: ['global.compatibility.openshift.adaptSecurityContext=yes'] }).ok, 'the schema refuses another mode');
    });
  }
}

test.run();
