// Every example's chart, generated now, through real Helm 3 and Helm 4: `helm lint --strict` and `helm template`
// with its default values and with each ci/ file, for the oldest and newest Kubernetes the chart
// admits, and every rendered object validated strictly against that version's API schema.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { helms, helmLint, helmTemplate, type HelmBinary } from './support/helm.ts';
import { validateManifest, type KubeVersion } from './support/k8s-schema.ts';
import { exampleNames, freshChart } from './support/fresh-charts.ts';

const KUBE_VERSIONS: Array<[string, KubeVersion]> = [
  ['1.28.0', '1.28'],
  ['1.35.0', '1.35'],
];

const binaries: HelmBinary[] = await helms();

function valueSets(chartDir: string): Array<{ label: string; valuesFiles: string[] }> {
  const ciDir = join(chartDir, 'ci');
  const ciFiles = readdirSync(ciDir).filter((name) => name.endsWith('-values.yaml')).sort();
  return [
    { label: 'default values', valuesFiles: [] },
    ...ciFiles.map((name) => ({ label: `ci/${name}`, valuesFiles: [join(ciDir, name)] })),
  ];
}

for (const chart of exampleNames) {
  const chartDir = freshChart(chart);
  for (const helm of binaries) {
    for (const { label, valuesFiles } of valueSets(chartDir)) {
      test(`${chart}: ${helm.version} lint --strict, ${label}`, () => {
        const lint = helmLint(helm.bin, chartDir, { valuesFiles });
        assert.ok(lint.ok, lint.output);
      });
      for (const [kubeVersion, schemaVersion] of KUBE_VERSIONS) {
        test(`${chart}: ${helm.version} template for Kubernetes ${kubeVersion}, ${label}: every object valid`, () => {
          const rendered = helmTemplate(helm.bin, chartDir, { valuesFiles, kubeVersion });
          assert.ok(rendered.ok, rendered.output);
          assert.ok(rendered.docs.length > 0, 'renders objects');
          const problems = rendered.docs.flatMap((doc) => validateManifest(doc, schemaVersion));
          assert.equal(problems, [], problems.join('\n'));
        });
      }
    }
  }
}

const helm4 = binaries.find((binary) => binary.name === 'helm4')!;
const shopApi = freshChart('shop-api');

function render(set: string[] = [], releaseName = 'shop') {
  const rendered = helmTemplate(helm4.bin, shopApi, { set, releaseName });
  assert.ok(rendered.ok, rendered.output);
  const find = (kind: string) => rendered.docs.find((doc) => doc.kind === kind);
  return { docs: rendered.docs, find };
}

test('the kubeVersion admits provider builds and refuses Kubernetes older than 1.28', () => {
  for (const helm of binaries) {
    assert.ok(helmTemplate(helm.bin, shopApi, { kubeVersion: 'v1.31.2-eks-1234' }).ok, `${helm.version}: eks suffix`);
    assert.ok(helmTemplate(helm.bin, shopApi, { kubeVersion: 'v1.33.1-gke.1000' }).ok, `${helm.version}: gke suffix`);
    const old = helmTemplate(helm.bin, shopApi, { kubeVersion: '1.27.9' });
    assert.not.ok(old.ok, `${helm.version} renders for 1.27`);
    assert.match(old.output, /kubeVersion/i);
  }
});

test('a changed config value changes the pod template checksum; the same values keep it', () => {
  const checksum = (set: string[]) =>
    render(set).find('Deployment').spec.template.metadata.annotations['checksum/config'] as string;
  const first = checksum([]);
  assert.match(first, /^[0-9a-f]{64}$/);
  assert.is(checksum([]), first, 'rendering twice gives the same checksum');
  assert.is.not(checksum(['config.data.LOG_LEVEL=debug']), first, 'a changed value changes it');
  assert.is.not(checksum(['config.data.NEW_KEY=x']), first, 'a new key changes it');
});

test('checksums sit on the pod template, never on the Deployment itself', () => {
  const deployment = render().find('Deployment');
  assert.is(deployment.metadata.annotations, undefined);
  assert.ok(deployment.spec.template.metadata.annotations['checksum/secret']);
});

test('a secret value given in values is used, and rolls the pods; generated ones do not', () => {
  const plain = render();
  const given = render(['secrets.values.API_TOKEN=s3cret']);
  const secret = given.find('Secret');
  assert.is(Buffer.from(secret.data.API_TOKEN, 'base64').toString(), 's3cret');
  assert.is(Buffer.from(secret.data.DATABASE_PASSWORD, 'base64').toString().length, 32);
  assert.is(secret.metadata.annotations['helm.sh/resource-policy'], 'keep');
  const annotation = (r: ReturnType<typeof render>) => r.find('Deployment').spec.template.metadata.annotations['checksum/secret'];
  assert.is(annotation(render()), annotation(plain), 'generated values do not change the checksum');
  assert.is.not(annotation(given), annotation(plain));
});

test('the pods read every config entry and secret key', () => {
  const container = render().find('Deployment').spec.template.spec.containers[0];
  assert.equal(container.envFrom, [{ configMapRef: { name: 'shop-shop-api' } }]);
  assert.equal(container.env.map((e: { name: string }) => e.name), ['DATABASE_PASSWORD', 'API_TOKEN']);
  assert.is(container.env[0].valueFrom.secretKeyRef.name, 'shop-shop-api');
  assert.is(render().find('ConfigMap').data.LOG_LEVEL, 'info');
});

test('with autoscaling on the Deployment leaves replicas to the HPA; off, it sets them', () => {
  const on = render();
  assert.is(on.find('Deployment').spec.replicas, undefined);
  assert.is(on.find('HorizontalPodAutoscaler').apiVersion, 'autoscaling/v2');
  assert.is(on.find('HorizontalPodAutoscaler').spec.scaleTargetRef.name, on.find('Deployment').metadata.name);
  const off = render(['autoscaling.enabled=false']);
  assert.is(off.find('Deployment').spec.replicas, 2);
  assert.is(off.find('HorizontalPodAutoscaler'), undefined);
});

test('the Ingress asks cert-manager for the certificate of the chosen issuer kind', () => {
  const clusterIssuer = render().find('Ingress');
  assert.is(clusterIssuer.metadata.annotations['cert-manager.io/cluster-issuer'], 'letsencrypt-prod');
  assert.equal(clusterIssuer.spec.tls, [{ hosts: ['shop.example.com'], secretName: 'shop-shop-api-tls' }]);
  assert.is(clusterIssuer.spec.ingressClassName, 'traefik');
  assert.is(clusterIssuer.spec.rules[0].http.paths[0].backend.service.name, 'shop-shop-api');
  const issuer = render(['ingress.tls.issuerKind=Issuer']).find('Ingress');
  assert.is(issuer.metadata.annotations['cert-manager.io/issuer'], 'letsencrypt-prod');
  assert.is(issuer.metadata.annotations['cert-manager.io/cluster-issuer'], undefined);
  assert.is(render(['ingress.tls.enabled=false']).find('Ingress').spec.tls, undefined);
});

test('a 53-character release name still gives valid names, suffixes kept', () => {
  const release = `r${'x'.repeat(52)}`;
  const { docs } = render([], release);
  for (const doc of docs) {
    assert.ok(doc.metadata.name.length <= 63, `${doc.kind} ${doc.metadata.name}`);
    assert.match(doc.metadata.name, /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
  }
  assert.match(docs.find((doc) => doc.kind === 'Pod').metadata.name, /-test-connection$/);
  assert.match(docs.find((doc) => doc.kind === 'Ingress').spec.tls[0].secretName, /-tls$/);
});

test('values.schema.json rejects a typo and a wrong type, on Helm 3 and 4', () => {
  for (const helm of binaries) {
    const typo = helmLint(helm.bin, shopApi, { set: ['image.tagg=1.0'] });
    assert.not.ok(typo.ok, `${helm.version} accepted image.tagg`);
    assert.match(typo.output, /tagg/);
    const wrongType = helmTemplate(helm.bin, shopApi, { set: ['service.port=http'] });
    assert.not.ok(wrongType.ok, `${helm.version} accepted service.port=http`);
    const latest = helmTemplate(helm.bin, shopApi, { set: ['image.tag=latest'] });
    assert.not.ok(latest.ok, `${helm.version} accepted image.tag=latest`);
    const probe = helmLint(helm.bin, shopApi, { set: ['livenessProbe.minReadySeconds=5'] });
    assert.not.ok(probe.ok, `${helm.version} accepted minReadySeconds inside a probe`);
  }
});

test('the test pod is no endpoint of the Service', () => {
  const { find } = render();
  const selector = find('Service').spec.selector as Record<string, string>;
  const labels = find('Pod').metadata.labels as Record<string, string>;
  assert.not.ok(Object.entries(selector).every(([key, value]) => labels[key] === value));
});

test.run();
