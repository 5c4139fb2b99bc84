// The plan of a chart: one flat table of files, each with the condition that puts it in the chart
// and where its content comes from (a Handlebars template under templates/chart/, or a function of
// the values description). renderChart turns a model into the chart's files, in memory.
import type HandlebarsFull from 'handlebars';
import HandlebarsRuntime from 'handlebars/runtime.js';
import templateSpecs from '../templates.generated.js';
import type { ChartModel } from '../model.ts';
import { chartValues } from './values.ts';
import { trafficPeers } from '../controllers.ts';
import { parameters, renderValuesYaml, valuesSchema, type ValueSection } from './values-tree.ts';
import { WORKLOAD_MODULES } from '../kinds/index.ts';
import { BASE_FILE, RECORD_FILE, baseContent, recordContent } from '../update/record.ts';
import { GENERATOR_NAME, GENERATOR_VERSION } from '../version.generated.js';

export interface ChartFile {
  /** Path inside the chart directory, with "/" separators. */
  path: string;
  /** Text, but for the compressed record of the last generation. */
  content: string | Buffer;
}

interface RenderContext {
  model: ChartModel;
  values: ValueSection[];
  answers: unknown;
}

interface PlannedFile {
  path: string;
  when: (model: ChartModel) => boolean;
  /** A template under templates/chart/ named like the output path, or a function. */
  from: 'template' | ((context: RenderContext) => string);
}

const always = () => true;

/** Each workload kind's own templates, present only for that kind. */
const kindFiles: PlannedFile[] = WORKLOAD_MODULES.flatMap((module) =>
  module.files.map((file) => ({
    path: file.path,
    when: (model: ChartModel) => model.workload.kind === module.kind && (file.when?.(model) ?? true),
    from: 'template' as const,
  })),
);

export const CHART_PLAN: PlannedFile[] = [
  { path: 'Chart.yaml', when: always, from: 'template' },
  { path: 'values.yaml', when: always, from: ({ model, values }) => renderValuesYaml(values, valuesHeader(model)) },
  {
    path: 'values.schema.json',
    when: always,
    from: ({ model, values }) => `${JSON.stringify(valuesSchema(values, `Values of the ${model.name} chart`), null, 2)}\n`,
  },
  { path: 'README.md', when: always, from: 'template' },
  { path: '.helmignore', when: always, from: 'template' },
  {
    path: RECORD_FILE,
    when: always,
    from: ({ model, answers }) =>
      recordContent({ version: GENERATOR_VERSION, chartVersion: model.version, answers: answers as Record<string, unknown> }),
  },
  { path: 'ci/all-off-values.yaml', when: always, from: 'template' },
  { path: 'ci/common-values.yaml', when: always, from: 'template' },
  { path: 'ci/extras-values.yaml', when: always, from: 'template' },
  { path: 'ci/restricted-values.yaml', when: always, from: 'template' },
  { path: 'templates/_helpers.tpl', when: always, from: 'template' },
  { path: 'templates/_pod.tpl', when: always, from: 'template' },
  { path: 'templates/NOTES.txt', when: always, from: 'template' },
  { path: 'templates/extra-list.yaml', when: always, from: 'template' },
  { path: 'templates/serviceaccount.yaml', when: always, from: 'template' },
  { path: 'templates/rbac.yaml', when: (m) => m.rbac.enabled, from: 'template' },
  { path: 'templates/networkpolicy.yaml', when: always, from: 'template' },
  { path: 'templates/cilium-networkpolicy.yaml', when: (m) => m.service.enabled && trafficPeers(m).ciliumIngress, from: 'template' },
  { path: 'templates/pdb.yaml', when: (m) => m.workload.replicated, from: 'template' },
  { path: 'templates/namespace-policy.yaml', when: always, from: 'template' },
  ...kindFiles,
  { path: 'templates/service.yaml', when: (m) => m.service.enabled, from: 'template' },
  { path: 'templates/ingress.yaml', when: (m) => m.ingress.enabled, from: 'template' },
  { path: 'templates/httproute.yaml', when: (m) => m.httpRoute.enabled, from: 'template' },
  { path: 'templates/acme-issuer.yaml', when: (m) => m.acmeIssuer.enabled, from: 'template' },
  { path: 'templates/gateway.yaml', when: (m) => m.httpRoute.gateway.create, from: 'template' },
  { path: 'templates/configmap.yaml', when: (m) => m.config.enabled, from: 'template' },
  { path: 'templates/secret.yaml', when: (m) => m.secrets.enabled, from: 'template' },
  { path: 'templates/externalsecret.yaml', when: (m) => m.secrets.externalSecret.enabled, from: 'template' },
  { path: 'templates/hpa.yaml', when: (m) => m.autoscaling.enabled, from: 'template' },
  { path: 'templates/tests/test-connection.yaml', when: (m) => m.service.enabled, from: 'template' },
];

function valuesHeader(model: ChartModel): string[] {
  return [
    `Default values for ${model.name}.`,
    'Every key is described by a `## @param` line and checked by values.schema.json.',
  ];
}

/** A name as a YAML scalar: plain, but quoted where YAML 1.1 (Helm's go-yaml v2) would read a
 * boolean or null. Only for strings a pattern already limits to letters, digits, "-" and ".". */
export function yamlScalar(text: string): string {
  return /^(y|yes|n|no|true|false|on|off|null|~)$/i.test(text) ? JSON.stringify(text) : text;
}

/** Text as Markdown shows it literally: the characters that start Markdown or HTML are escaped. */
export function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>|#&~!]/g, '\\$&').replace(/[\r\n]+/g, ' ');
}

/** Inline code, also inside a table: a fence longer than any run of backticks in it, "|" escaped. */
export function markdownCode(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  const body = text.replace(/[\r\n]+/g, ' ').replaceAll('|', '\\|');
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

// The runtime is the full library minus the compiler; its typings only describe the full one.
const Handlebars = HandlebarsRuntime as unknown as typeof HandlebarsFull;

let compiled: Map<string, HandlebarsFull.TemplateDelegate> | undefined;
function template(name: string): HandlebarsFull.TemplateDelegate {
  if (!compiled) {
    Handlebars.registerHelper('json', (value: unknown) => JSON.stringify(value));
    Handlebars.registerHelper('eq', (left: unknown, right: unknown) => left === right);
    Handlebars.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
    Handlebars.registerHelper('md', (value: unknown) => markdownText(String(value)));
    Handlebars.registerHelper('scalar', (value: unknown) => yamlScalar(String(value)));
    Handlebars.registerHelper('code', (value: unknown) => markdownCode(String(value)));
    // The registry of an image repository as Docker reads it (first component with a dot, a port, or
    // localhost), else Docker Hub's.
    Handlebars.registerHelper('registry', (value: unknown) => {
      const [first, ...rest] = String(value).split('/');
      return rest.length && /[.:]|^localhost$/.test(first!) ? first : 'docker.io';
    });
  }
  compiled ??= new Map(
    Object.entries(templateSpecs).map(([key, spec]) => [key, Handlebars.template(spec)]),
  );
  const found = compiled.get(name);
  if (!found) throw new Error(`k8s-chart: no template ${name}.hbs in templates/ (a bug in the plan)`);
  return found;
}

/** Renders every file the model asks for, in plan order, then the record of this generation (the
 * base of the next update). Pure: no disk access. */
export function renderChart(model: ChartModel, answers: unknown): ChartFile[] {
  const values = chartValues(model);
  const context: RenderContext = { model, values, answers };
  const view = {
    ...model,
    traffic: trafficPeers(model),
    parameters: parameters(values),
    generator: { name: GENERATOR_NAME, version: GENERATOR_VERSION },
  };
  const files: ChartFile[] = CHART_PLAN.filter((file) => file.when(model)).map((file) => ({
    path: file.path,
    content: file.from === 'template' ? template(`chart/${file.path}`)(view) : file.from(context),
  }));
  return [...files, { path: BASE_FILE, content: baseContent(files) }];
}
