// values.schema.json refuses what the Kubernetes API refuses, for the values that are Kubernetes
// objects: `helm lint` fails on them instead of the API server at install.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { helms, helmLint } from './support/helm.ts';
import { freshChart } from './support/fresh-charts.ts';

const binaries = await helms();
const shopApi = freshChart('shop-api');

const REFUSED: Array<[string, string[]]> = [
  ['a number as an EnvVar value', ['extraEnv[0].name=PORT', 'extraEnv[0].value=8080']],
  ['a boolean as an EnvVar value', ['extraEnv[0].name=DEBUG', 'extraEnv[0].value=true']],
  ['an EnvVar without a name', ['extraEnv[0].value=x']],
  ['an EnvVar with both value and valueFrom', ['extraEnv[0].name=A', 'extraEnv[0].value=x', 'extraEnv[0].valueFrom.fieldRef.fieldPath=metadata.name']],
  ['a misspelt EnvVar field', ['extraEnv[0].name=A', 'extraEnv[0].valu=x']],
  ['a secretKeyRef without a key', ['extraEnv[0].name=A', 'extraEnv[0].valueFrom.secretKeyRef.name=s']],
  ['an unknown toleration operator', ['tolerations[0].key=k', 'tolerations[0].operator=Maybe']],
  ['an unknown taint effect', ['tolerations[0].key=k', 'tolerations[0].effect=NoRun']],
  ['a misspelt Container field in a sidecar', ['sidecars[0].name=proxy', 'sidecars[0].image=docker.io/library/busybox:1.37.0', 'sidecars[0].imagePullPolcy=Always']],
  ['a sidecar without a name', ['sidecars[0].image=docker.io/library/busybox:1.37.0']],
  ['a string as a container port number', ['initContainers[0].name=init', 'initContainers[0].ports[0].containerPort=http']],
  ['a volume source that does not exist', ['extraVolumes[0].name=data', 'extraVolumes[0].emptyDirr.medium=Memory']],
  ['a volume mount without a path', ['extraVolumeMounts[0].name=data']],
  ['a glusterfs volume (no supported Kubernetes mounts one)', ['extraVolumes[0].name=data', 'extraVolumes[0].glusterfs.endpoints=gluster', 'extraVolumes[0].glusterfs.path=data']],
  ['a scaleIO volume (no supported Kubernetes mounts one)', ['extraVolumes[0].name=data', 'extraVolumes[0].scaleIO.gateway=https://gw', 'extraVolumes[0].scaleIO.system=s', 'extraVolumes[0].scaleIO.secretRef.name=s']],
  ['a misspelt affinity field', ['affinity.nodeAffinty.x=1']],
  ['a topology spread constraint without its topologyKey', ['topologySpreadConstraints[0].maxSkew=1', 'topologySpreadConstraints[0].whenUnsatisfiable=DoNotSchedule']],
  ['a lifecycle hook that is no handler', ['lifecycle.preStop.run=x']],
];

for (const [what, set] of REFUSED) {
  test(`helm lint refuses ${what}`, () => {
    for (const helm of binaries) {
      const lint = helmLint(helm.bin, shopApi, { set });
      assert.not.ok(lint.ok, `${helm.version} accepted ${set.join(' ')}`);
      assert.match(lint.output, new RegExp(set[0]!.split(/[.[=]/)[0]!));
    }
  });
}

test('helm lint accepts the EnvVars and tolerations the API accepts', () => {
  const sets = [
    ['extraEnv[0].name=PORT', 'extraEnv[0].value=8080'],
    ['extraEnv[0].name=POD', 'extraEnv[0].valueFrom.fieldRef.fieldPath=metadata.name'],
    ['extraEnv[0].name=TOKEN', 'extraEnv[0].valueFrom.secretKeyRef.name=s', 'extraEnv[0].valueFrom.secretKeyRef.key=k'],
    ['tolerations[0].key=dedicated', 'tolerations[0].operator=Equal', 'tolerations[0].value=batch', 'tolerations[0].effect=NoSchedule'],
    ['sidecars[0].name=proxy', 'sidecars[0].image=docker.io/library/busybox:1.37.0', 'sidecars[0].resources.requests.cpu=1', 'sidecars[0].ports[0].containerPort=9000'],
    ['extraVolumes[0].name=cache', 'extraVolumes[0].emptyDir.sizeLimit=1Gi', 'extraVolumeMounts[0].name=cache', 'extraVolumeMounts[0].mountPath=/cache'],
    ['extraVolumes[0].name=shared', 'extraVolumes[0].nfs.server=nfs.example.com', 'extraVolumes[0].nfs.path=/exports', 'extraVolumes[1].name=ceph', 'extraVolumes[1].cephfs.monitors[0]=10.0.0.1:6789'],
    ['affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].key=zone', 'affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator=Exists'],
  ];
  for (const helm of binaries) {
    // --set-string: the value is a string, as the API wants.
    const lint = (set: string[]) => helmLint(helm.bin, shopApi, { set: set.filter((s) => !s.includes('.value=')), setString: set.filter((s) => s.includes('.value=')) });
    for (const set of sets) {
      const result = lint(set);
      assert.ok(result.ok, `${helm.version} ${set.join(' ')}: ${result.output}`);
    }
  }
});

test('podDisruptionBudget.maxUnavailable 0: the API accepts it, k8s-chart check names it', async () => {
  const { helmTemplate } = await import('./support/helm.ts');
  const { checkManifests, formatFinding } = await import('../check/rules.ts');
  const rendered = helmTemplate(binaries[1]!.bin, shopApi, { set: ['podDisruptionBudget.maxUnavailable=0'] });
  assert.ok(rendered.ok, rendered.output);
  const findings = checkManifests(rendered.docs).map(formatFinding);
  assert.equal(findings.filter((line) => !line.startsWith('pdb-allows-disruption')), []);
  assert.match(findings.join('\n'), /^pdb-allows-disruption PodDisruptionBudget\/release-name-shop-api spec\.maxUnavailable: 0: the API accepts it/);
  assert.equal(checkManifests(helmTemplate(binaries[1]!.bin, shopApi).docs).map(formatFinding), [], 'the default budget passes');
});

test.run();
