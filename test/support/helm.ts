// Runs the real Helm 3 and Helm 4 binaries (see scripts/fetch-helm.mjs) against
// generated charts. Every call gets an isolated, throw-away Helm environment so
// the developer's helm config, repos, plugins and kube context never leak into
// (or get modified by) the tests, and nothing is ever fetched.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAllAsHelm } from './yaml11.ts';
// @ts-ignore TS7016: the plain-JS script ships no .d.ts and tsconfig has no allowJs; typed just below.
import { ensureHelm as ensureHelmUntyped } from '../../scripts/fetch-helm.mjs';

const ensureHelm: () => Promise<Record<HelmName, string>> = ensureHelmUntyped;

export type HelmName = 'helm3' | 'helm4';
export interface HelmBinary {
  name: HelmName;
  bin: string;
  /** e.g. "v3.17.3", as reported by the binary itself */
  version: string;
}
export interface HelmResult {
  ok: boolean;
  /** stdout followed by stderr */
  output: string;
}

let isolatedEnv: NodeJS.ProcessEnv | undefined;

function helmEnv(): NodeJS.ProcessEnv {
  if (isolatedEnv) return isolatedEnv;
  const home = mkdtempSync(join(tmpdir(), 'k8s-chart-helm-home-'));
  process.on('exit', () => rmSync(home, { recursive: true, force: true }));
  const env: NodeJS.ProcessEnv = {};
  // Drop inherited HELM_*/KUBECONFIG: HELM_NAMESPACE, HELM_DRIVER, a kube context's
  // namespace etc. would otherwise change what `helm template` renders.
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('HELM_') && key !== 'KUBECONFIG') env[key] = value;
  }
  isolatedEnv = {
    ...env,
    HELM_CACHE_HOME: join(home, 'cache'),
    HELM_CONFIG_HOME: join(home, 'config'),
    HELM_DATA_HOME: join(home, 'data'),
    KUBECONFIG: join(home, 'kubeconfig'), // deliberately absent: no cluster, namespace "default"
    NO_COLOR: '1', // Helm 4 can colour its output; keep assertions on plain text
  };
  return isolatedEnv;
}

/** Runs `bin args...` synchronously without a shell. */
export function runHelm(bin: string, args: string[]): HelmResult & { stdout: string } {
  const res = spawnSync(bin, args, { env: helmEnv(), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (res.error) return { ok: false, output: String(res.error), stdout: '' };
  return { ok: res.status === 0, output: res.stdout + res.stderr, stdout: res.stdout };
}

/**
 * Like runHelm, but asynchronous and against the cluster in `kubeconfig` instead of none, e.g. a
 * stand-in API server running in this same process (which spawnSync would block).
 */
export function runHelmWithKubeconfig(
  bin: string,
  args: string[],
  kubeconfig: string,
): Promise<HelmResult & { stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { env: { ...helmEnv(), KUBECONFIG: kubeconfig }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (err) => resolve({ ok: false, output: String(err), stdout: '' }));
    child.on('close', (code) => resolve({ ok: code === 0, output: stdout + stderr, stdout }));
  });
}

let helmsPromise: Promise<HelmBinary[]> | undefined;

/** Both pinned Helm binaries, downloaded/verified once per process. */
export function helms(): Promise<HelmBinary[]> {
  return (helmsPromise ??= ensureHelm().then((paths) =>
    (['helm3', 'helm4'] as const).map((name) => {
      const bin = paths[name];
      const res = runHelm(bin, ['version', '--template', '{{ .Version }}']);
      if (!res.ok) throw new Error(`${bin} version failed: ${res.output}`);
      return { name, bin, version: res.stdout.trim() };
    }),
  ));
}

function valueArgs(opts: { valuesFiles?: string[]; set?: string[]; setString?: string[] }): string[] {
  return [
    ...(opts.valuesFiles ?? []).flatMap((f) => ['-f', f]),
    ...(opts.set ?? []).flatMap((s) => ['--set', s]),
    ...(opts.setString ?? []).flatMap((s) => ['--set-string', s]),
  ];
}

/** `helm lint --strict`; lint warnings fail too. */
export function helmLint(bin: string, chartDir: string, opts: { valuesFiles?: string[]; set?: string[]; setString?: string[] } = {}): HelmResult {
  return runHelm(bin, ['lint', '--strict', chartDir, ...valueArgs(opts)]);
}

export interface TemplateOptions {
  /** defaults to "release-name", like `helm template` without a name */
  releaseName?: string;
  namespace?: string;
  valuesFiles?: string[];
  set?: string[];
  /** e.g. "1.30.0"; write all three parts, Helm 4 keeps "v1.30" as-is in .Capabilities.KubeVersion.Version */
  kubeVersion?: string;
  /** API versions the cluster is taken to serve (--api-versions), e.g. "security.openshift.io/v1" */
  apiVersions?: string[];
  /** template paths relative to the chart, e.g. "templates/deployment.yaml" */
  showOnly?: string[];
}

/** `helm template`; `docs` holds the rendered manifests, empty documents dropped. */
export function helmTemplate(bin: string, chartDir: string, opts: TemplateOptions = {}): HelmResult & { docs: any[] } {
  const args = ['template', opts.releaseName ?? 'release-name', chartDir, ...valueArgs(opts)];
  if (opts.namespace) args.push('--namespace', opts.namespace);
  if (opts.kubeVersion) args.push('--kube-version', opts.kubeVersion);
  for (const version of opts.apiVersions ?? []) args.push('--api-versions', version);
  for (const path of opts.showOnly ?? []) args.push('--show-only', path);
  const res = runHelm(bin, args);
  if (!res.ok) return { ok: false, output: res.output, docs: [] };
  try {
    return { ok: true, output: res.output, docs: loadAllAsHelm(res.stdout) };
  } catch (err) {
    return { ok: false, output: `${res.output}\nrendered output is not valid YAML: ${err}`, docs: [] };
  }
}
