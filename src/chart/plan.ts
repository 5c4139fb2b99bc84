// The plan of a chart: one flat table of files, each with the condition that puts it in the chart
// and where its content comes from (a Handlebars template under templates/chart/, or a function of
// the values description). renderChart turns a model into the chart's files, in memory.
import type HandlebarsFull from 'handlebars';
import HandlebarsRuntime from 'handlebars/runtime.js';
import templateSpecs from '../templates.generated.js';
import type { ChartModel } from '../model.ts';
import { chartValues } from './values.ts';
import { trafficPeers } from '../controllers.ts';
import { parameters } from './values-tree.ts';
import { PARTS } from '../parts/index.ts';
import { kindTraits } from '../kinds/traits.ts';
import { MULTI_NODE_MODES } from '../parts/persistence/access-modes.ts';
import type { PartFile, RenderContext } from '../parts/part.ts';
import { GENERATOR_NAME, GENERATOR_VERSION } from '../version.generated.js';

export interface ChartFile {
  /** Path inside the chart directory, with "/" separators. */
  path: string;
  /** Text, but for the compressed record of the last generation (src/update/record.ts adds it). */
  content: string | Buffer;
}

/** The plan: every part's rows, in the order of the parts. */
export const CHART_PLAN: readonly PartFile[] = PARTS.flatMap((part) => part.files ?? []);

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

/** Renders every file the model asks for, in plan order: the chart's own files only (the record of
 * the generation is the update's, src/update/record.ts). Pure: no disk access. */
export function renderChart(model: ChartModel): ChartFile[] {
  const values = chartValues(model);
  const context: RenderContext = { model, values };
  const view = {
    ...model,
    // The templates ask the workload kind's traits, as the code does, instead of its name.
    kindTraits: kindTraits(model.workload.kind),
    accessModes: { multiNode: MULTI_NODE_MODES },
    traffic: trafficPeers(model),
    parameters: parameters(values),
    generator: { name: GENERATOR_NAME, version: GENERATOR_VERSION },
  };
  return CHART_PLAN.filter((file) => file.when?.(model) ?? true).map((file) => ({
    path: file.path,
    content: file.render ? file.render(context) : template(`chart/${file.path}`)(view),
  }));
}
