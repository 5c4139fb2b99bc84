// A chart generated fresh from answers, and the strict check every new part's test runs on it:
// lint on Helm 3 and 4 and every object valid for the oldest and newest Kubernetes, with the
// default values and each ci/ file.
import * as assert from 'uvu/assert';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '../../src/generate.ts';
import { applyChanges } from '../../src/write.ts';
import { formatProblems, validateAnswers } from '../../src/answers/validate.ts';
import { helmLint, helms, helmTemplate, type HelmBinary } from './helm.ts';
import { validateManifest } from './k8s-schema.ts';

export const BASE = { name: 'app', image: { repository: 'ghcr.io/acme/app', tag: '1.0.0' } };

/** Writes the chart of these answers (over BASE) to a fresh folder and returns the folder. */
export function freshChart(answers: Record<string, unknown>): string {
  const generation = generate({ ...BASE, ...answers });
  if (!generation.ok) throw new Error(formatProblems(generation.problems));
  const dir = join(mkdtempSync(join(tmpdir(), 'k8s-chart-part-')), generation.model.name);
  applyChanges(dir, generation.files);
  return dir;
}

/** The problems of these answers (over BASE), one line each. */
export function problemsOf(answers: Record<string, unknown>): string[] {
  const result = validateAnswers({ ...BASE, ...answers });
  return result.ok ? [] : formatProblems(result.problems).split('\n');
}

/** Renders with release name "rel"; fails the test unless Helm renders. */
export function rendered(helm: HelmBinary, dir: string, set: string[] = []) {
  const result = helmTemplate(helm.bin, dir, { set, releaseName: 'rel' });
  assert.ok(result.ok, result.output);
  const all = (kind: string) => result.docs.filter((doc) => doc.kind === kind);
  return { docs: result.docs, all, find: (kind: string) => all(kind)[0] };
}

/** Helm's error for values it must refuse, from Helm 3 and 4 alike. */
export function refusal(binaries: HelmBinary[], dir: string, set: string[]): string[] {
  return binaries.map((helm) => {
    const result = helmTemplate(helm.bin, dir, { set, releaseName: 'rel' });
    assert.not.ok(result.ok, `${helm.version} renders ${set.join(' ')}`);
    return result.output;
  });
}

/** Lint --strict on Helm 3 and 4, and every object valid on Kubernetes 1.28 and 1.35, with the
 * default values and every ci/ file; `unchecked` names kinds with no schema here (checked apart). */
export async function assertValidEverywhere(dir: string, { unchecked = [] }: { unchecked?: string[] } = {}): Promise<void> {
  const binaries = await helms();
  const ci = readdirSync(join(dir, 'ci')).map((name) => [join(dir, 'ci', name)]);
  for (const valuesFiles of [[], ...ci]) {
    for (const helm of binaries) {
      const lint = helmLint(helm.bin, dir, { valuesFiles });
      assert.ok(lint.ok, lint.output);
      for (const kubeVersion of ['1.28', '1.35'] as const) {
        const result = helmTemplate(helm.bin, dir, { valuesFiles, kubeVersion: `${kubeVersion}.0` });
        assert.ok(result.ok, result.output);
        const invalid = result.docs.filter((doc) => !unchecked.includes(doc.kind)).flatMap((doc) => validateManifest(doc, kubeVersion));
        assert.equal(invalid, [], `${helm.version}, Kubernetes ${kubeVersion}, ${valuesFiles.join() || 'default values'}:\n${invalid.join('\n')}`);
      }
    }
  }
}
