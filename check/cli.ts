// `k8s-chart check [FILE|-]`: the policy rules (./rules.ts) over rendered manifests, e.g.
//   helm template my-release ./my-chart | k8s-chart check -
// Exit 0 without findings, 1 with findings, 2 when the input or the arguments are bad.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadAll, YAMLException } from 'js-yaml';
import { RULES, checkManifests, formatFinding } from './rules.ts';

export const CHECK_USAGE = `Usage: k8s-chart check [FILE|-]
       k8s-chart check --rules

Checks rendered manifests (multi-document YAML, e.g. from \`helm template\`) against the chart
policy: one line per finding (rule object path: message), then a summary.
FILE defaults to - (standard input). Exit code 0: no findings, 1: findings, 2: bad input.
  --rules   list the rules
  --help`;

export interface CheckIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

class BadInput extends Error {}

function parseDocuments(text: string, source: string): unknown[] {
  let documents: unknown[];
  try {
    // js-yaml's default schema is the YAML 1.2 core schema, as Kubernetes reads manifests.
    documents = loadAll(text).filter((document) => document !== null && document !== undefined);
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const where = error.mark ? ` (${error.mark.line + 1}:${error.mark.column + 1})` : '';
    throw new BadInput(`${source}: not valid YAML: ${error.reason}${where}`);
  }
  if (documents.length === 0) throw new BadInput(`${source}: no Kubernetes objects`);
  documents.forEach((document, index) => {
    const { apiVersion, kind } = (typeof document === 'object' && document !== null ? document : {}) as Record<string, unknown>;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
      throw new BadInput(`${source}: document ${index + 1} is not a Kubernetes object (no apiVersion and kind)`);
    }
  });
  return documents;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export async function runCheck(args: string[], io: CheckIo, stdin: () => Promise<string>): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: { rules: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    io.stderr(`k8s-chart check: ${(error as Error).message}\n${CHECK_USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${CHECK_USAGE}\n`);
    return 0;
  }
  if (values.rules) {
    const width = Math.max(...RULES.map((rule) => rule.id.length));
    io.stdout(RULES.map((rule) => `${rule.id.padEnd(width)}  ${rule.title}\n`).join(''));
    return 0;
  }
  if (positionals.length > 1) {
    io.stderr(`k8s-chart check: one FILE at most, got ${positionals.length}\n${CHECK_USAGE}\n`);
    return 2;
  }
  const file = positionals[0] ?? '-';
  const source = file === '-' ? '<stdin>' : file;

  let documents: unknown[];
  try {
    const text = file === '-' ? await stdin() : await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new BadInput(`${file}: cannot read: ${error.code ?? error.message}`);
    });
    documents = parseDocuments(text, source);
  } catch (error) {
    if (!(error instanceof BadInput)) throw error;
    io.stderr(`k8s-chart check: ${error.message}\n`);
    return 2;
  }

  const findings = checkManifests(documents);
  if (findings.length === 0) {
    io.stdout(`ok: ${plural(documents.length, 'object')} pass ${plural(RULES.length, 'rule')}\n`);
    return 0;
  }
  const rules = new Set(findings.map((finding) => finding.rule)).size;
  const objects = new Set(findings.map((finding) => finding.object)).size;
  io.stdout(
    findings.map((finding) => `${formatFinding(finding)}\n`).join('') +
      `${plural(findings.length, 'finding')} of ${plural(rules, 'rule')} in ${objects} of ${plural(documents.length, 'object')}\n`,
  );
  return 1;
}
