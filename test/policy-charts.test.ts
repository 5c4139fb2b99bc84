// Every example chart passes the rule set (check/rules.ts) with its defaults and with each
// ci/ file that keeps the safeguards on; the file that switches them off shows only the findings
// of the safeguards it switched off.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { helms, helmTemplate } from './support/helm.ts';
import { examplesDir, exampleAnswerFiles } from './support/paths.ts';
import { loadAnswersFile } from '../src/answers/load.ts';
import { checkManifests, formatFinding } from '../check/rules.ts';

const helm4 = (await helms()).find((binary) => binary.name === 'helm4')!;
const charts = exampleAnswerFiles.map((file) => (loadAnswersFile(file) as { name: string }).name);

/** Rules whose safeguard ci/all-off-values.yaml switches off: probes, NetworkPolicy, PDB, RBAC. */
const SWITCHED_OFF = new Set(['liveness-probe', 'readiness-probe', 'network-policy', 'pod-disruption-budget', 'service-account-token']);

function findings(chart: string, valuesFiles: string[] = []) {
  const rendered = helmTemplate(helm4.bin, join(examplesDir, chart), { valuesFiles, kubeVersion: '1.35.0' });
  assert.ok(rendered.ok, rendered.output);
  return checkManifests(rendered.docs);
}

for (const chart of charts) {
  for (const file of ['', 'ci/restricted-values.yaml', 'ci/extras-values.yaml']) {
    test(`${chart}, ${file || 'default values'}: no findings`, () => {
      const found = findings(chart, file ? [join(examplesDir, chart, file)] : []);
      assert.equal(found.map(formatFinding), []);
    });
  }
  test(`${chart}, ci/all-off-values.yaml: only the switched-off safeguards' findings`, () => {
    const found = findings(chart, [join(examplesDir, chart, 'ci/all-off-values.yaml')]);
    const others = found.filter((finding) => !SWITCHED_OFF.has(finding.rule));
    assert.equal(others.map(formatFinding), []);
  });
}

test('switching the NetworkPolicy off is what the network-policy rule reports', () => {
  const found = findings('shop-api', []);
  assert.equal(found, []);
  const rendered = helmTemplate(helm4.bin, join(examplesDir, 'shop-api'), { set: ['networkPolicy.enabled=false'] });
  assert.ok(rendered.ok, rendered.output);
  assert.equal([...new Set(checkManifests(rendered.docs).map((finding) => finding.rule))], ['network-policy']);
});

test.run();
