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
import { COMPONENT_FILE_PARTS, componentsOf, type ComponentModel } from '../parts/components/model.ts';
import { GENERATOR_NAME, GENERATOR_VERSION } from '../version.generated.js';

export interface ChartFile {
  /** Path inside the chart directory, with "/" separators. */
  path: string;
  /** Text, but for the compressed record of the last generation (src/update/record.ts adds it). */
  content: string | Buffer;
}

/** The plan: every part's rows, in the order of the parts. */
export const CHART_PLAN: readonly PartFile[] = PARTS.flatMap((part) => part.files ?? []);

// Only the parts' templates: their ci/ values files are the chart's, written once.
const COMPONENT_PLAN: readonly PartFile[] = PARTS.filter((part) => COMPONENT_FILE_PARTS.has(part.name))
  .flatMap((part) => part.files ?? [])
  .filter((file) => file.path.startsWith('templates/'));
const PRE_HOOK_PLAN: readonly PartFile[] = PARTS.filter((part) => part.name === 'config').flatMap((part) => part.files ?? []);
/** A hook that runs before the release's objects exist (JOB_HOOKS' pre-install one). */
const preHook = (model: ChartModel) => model.workload.hookPhase.startsWith('pre-');

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
  const components = componentsOf(model);
  const chart = {
    generator: { name: GENERATOR_NAME, version: GENERATOR_VERSION },
    accessModes: { multiNode: MULTI_NODE_MODES },
    components: components.map(({ name, model: own }) => ({ name, model: own, summary: componentSummary(own), claim: kindTraits(own.workload.kind).claim })),
    // The components whose objects helm uninstall leaves behind (a hook Job's last run, claims).
    componentsKept: components.some(({ model: own }) => own.workload.hook || (own.persistence.enabled && !own.persistence.existingClaim)),
    // The components with a part ci/all-off-values.yaml switches off (an empty entry would be null,
    // which Helm reads as "delete these values").
    componentSwitches: components.filter(({ model: own }) =>
      [own.workload.replicated, own.service.enabled, own.probes.liveness, own.probes.startup, own.persistence.enabled, own.autoscaling.enabled, own.metrics.enabled].some(Boolean),
    ),
    // The context that names what the components share (their ConfigMap, Secret, ServiceAccount).
    chartContext: components.length ? '(omit . "Component")' : '.',
  };
  const view = {
    ...model,
    ...chart,
    // The templates ask the workload kind's traits, as the code does, instead of its name.
    kindTraits: kindTraits(model.workload.kind),
    traffic: trafficPeers(model),
    parameters: parameters(values),
    scope: '',
    preHook: false,
    beforeRelease: preHook(model),
    configContext: chart.chartContext,
  };
  const files: ChartFile[] = CHART_PLAN.filter((file) => file.when?.(model) ?? true).map((file) => ({
    path: file.path,
    content: file.render ? file.render(context) : template(`chart/${file.path}`)(view),
  }));
  for (const component of components) for (const file of renderComponent(model, component, chart)) files.push(file);
  return files;
}

/** A component's files: the main workload's templates, rendered with the component's model into
 * templates/<component>/. Its pod template helpers are its own (<chart>.<component>.podTemplate);
 * each manifest is defined as a template and included with the component's context (see
 * componentContext in _helpers.tpl), so `$` inside it is that context too. */
function renderComponent(model: ChartModel, component: ComponentModel, chart: Record<string, unknown>): ChartFile[] {
  const own = { ...component.model, name: model.name };
  const view = {
    ...own,
    ...chart,
    kindTraits: kindTraits(own.workload.kind),
    traffic: trafficPeers(own),
    parameters: [],
    scope: `${component.name}.`,
    preHook: preHook(own),
    // A hook before the release's objects: its pods cannot use the release's ServiceAccount.
    beforeRelease: preHook(own),
    // A pre-install Job's copy of the ConfigMap is its own: <fullname>-<component>.
    configContext: preHook(own) ? '.' : chart.chartContext,
  };
  const shared = [own.config.enabled && 'config', own.secrets.enabled && 'secrets'].filter(Boolean);
  const context = `(list . ${JSON.stringify(component.name)} ${own.workload.nameLimit} (list ${shared.map((key) => JSON.stringify(key)).join(' ')}))`;
  // A Job that runs before the release's objects reads its own copy of the ConfigMap, a hook too.
  const plan = preHook(own) ? [...COMPONENT_PLAN, ...PRE_HOOK_PLAN] : COMPONENT_PLAN;
  return plan.filter((file) => file.when?.(own) ?? true).map((file) => {
    const path = file.path.replace(/^templates\//, `templates/${component.name}/`);
    const body = template(`chart/${file.path}`)(view);
    if (path.endsWith('.tpl')) return { path, content: body };
    const name = `${model.name}.${component.name}/${file.path.replace(/^templates\//, '')}`;
    const content = [
      `{{- define ${JSON.stringify(name)} }}`,
      body.trimEnd(),
      '{{- end }}',
      `{{- $_ := include "${model.name}.componentContext" ${context} }}`,
      // components.<name>.enabled=false switches the component off, as a part is switched off.
      '{{- if ._ctx.Values.enabled }}',
      `{{- include ${JSON.stringify(name)} ._ctx }}`,
      '{{- end }}',
      '',
    ].join('\n');
    return { path, content };
  });
}

/** What a component is, in a line of the chart's README. */
function componentSummary({ workload, service, persistence }: ChartModel): string {
  const what = workload.hook
    ? `a ${workload.kind} run as a ${markdownCode(workload.hookPhase)} hook`
    : workload.scheduled
      ? `a ${workload.kind} on the schedule ${markdownCode(workload.schedule)} (${markdownText(workload.timeZone)})`
      : `a ${workload.kind}${workload.worker ? ' worker (no port, no Service)' : ''}`;
  const behind = service.enabled ? ` behind a ${service.type} Service on port ${service.port}` : '';
  const storage = persistence.enabled ? `, ${persistence.size} of storage at ${markdownCode(persistence.mountPath)}` : '';
  return `${what}${behind}${storage}`;
}
