// The rules of components: their names, every rule of the workload's parts per component (with the
// component's path), what a pre-install Job may read, and the routes that name a component.
import type { Answers } from '../../model.ts';
import type { RuleContext } from '../part.ts';
import type { Problem } from '../../answers/problem.ts';
import { DEFAULT_KIND, findKind } from '../../kinds/traits.ts';
import { JOB_HOOKS } from '../../kinds/model.ts';
import { PARTS } from '../index.ts';
import { secretsOn } from '../secrets/model.ts';
import { COMPONENT_KEYS, componentAnswers } from './model.ts';

/** Suffixes the chart gives its own objects' names (<fullname>-<suffix>): a component of that name,
 * or ending in -<suffix>, would collide with them. */
export const RESERVED_SUFFIXES = ['test', 'headless', 'tls', 'data', 'acme', 'ingress'] as const;

const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function componentRules(context: RuleContext): Problem[] {
  const { given } = context;
  if (context.component || !isMap(given.components)) return [];
  const problems: Problem[] = [];
  const components = given.components as Record<string, unknown>;
  for (const [name, own] of Object.entries(components)) {
    const at = `components.${name}`;
    if (name === given.name) problems.push({ path: at, message: `must differ from the chart's name ${name}: the main workload is that` });
    const reserved = RESERVED_SUFFIXES.find((suffix) => name === suffix || name.endsWith(`-${suffix}`));
    if (reserved) problems.push({ path: at, message: `names ending in ${reserved} are the chart's own objects' (<fullname>-${reserved}): choose another name` });
    if (isMap(own)) problems.push(...ownProblems(given, name, own));
  }
  problems.push(...routeProblems(given, components));
  return problems;
}

/** Every rule of the workload's parts, on the component's answers, each problem with its path. */
function ownProblems(given: Partial<Answers>, name: string, own: Record<string, unknown>): Problem[] {
  const kind = findKind((own.workload as { kind?: unknown } | undefined)?.kind ?? DEFAULT_KIND);
  // The schema reports an unknown kind.
  if (!kind) return [];
  const answers = componentAnswers(given as Answers, own as Parameters<typeof componentAnswers>[1]);
  const context: RuleContext = { given: answers, kind, component: name };
  const mine = (path: string) => {
    const key = path.split(/[.[]/)[0]!;
    // The chart's image stands in for a component that names none: its problems are the chart's.
    return (COMPONENT_KEYS as readonly string[]).includes(key) && (key !== 'image' || own.image !== undefined);
  };
  const problems = PARTS.filter((part) => part.name !== 'components')
    .flatMap((part) => part.rules?.(context) ?? [])
    .filter((problem) => mine(problem.path))
    .map((problem) => ({ ...problem, path: `components.${name}.${problem.path}` }));
  // A pre-install hook runs before the release's Secret exists, and a value generated for it then
  // would not be the one the Secret gets: only a Secret managed outside the release will do.
  const hook = (own.workload as { hook?: unknown } | undefined)?.hook;
  if (kind.hook && hook === JOB_HOOKS[1] && own.secrets !== false && secretsOn(given) && given.secrets?.existingSecret === undefined) {
    problems.push({
      path: `components.${name}.secrets`,
      message: `a ${JOB_HOOKS[1]} Job runs before the chart's Secret exists (a value generated then would not match it): set secrets.existingSecret (a Secret managed outside the release), or secrets: false for this component`,
    });
  }
  return problems;
}

/** ingress.routes and httpRoute.routes name a component that has a Service. */
function routeProblems(given: Partial<Answers>, components: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const names = Object.keys(components).join(', ');
  for (const [field, list, main] of [
    ['ingress.routes', given.ingress?.routes, given.ingress?.path],
    ['httpRoute.routes', given.httpRoute?.routes, given.httpRoute?.path],
  ] as const) {
    if (!Array.isArray(list)) continue;
    // One path, one Service: which of two equal paths a controller takes is its own choice.
    const routed = new Map<string, string>([[main ?? '/', 'the main component']]);
    list.forEach((route: unknown, index) => {
      const name = isMap(route) ? route.component : undefined;
      const at = isMap(route) ? route.path : undefined;
      if (typeof at === 'string') {
        const taken = routed.get(at);
        if (taken !== undefined) problems.push({ path: `${field}[${index}].path`, message: `${at} goes to ${taken} already: a path goes to one Service` });
        else routed.set(at, typeof name === 'string' ? name : 'another route');
      }
      if (typeof name !== 'string') return;
      const path = `${field}[${index}].component`;
      const own = Object.hasOwn(components, name) ? components[name] : undefined;
      if (!isMap(own)) {
        problems.push({ path, message: `no component ${name}${names ? ` (components: ${names})` : ' (there are no components)'}` });
        return;
      }
      const kind = findKind((own.workload as { kind?: unknown } | undefined)?.kind ?? DEFAULT_KIND);
      if (kind && !(kind.longRunning && (own.service as { port?: unknown } | undefined)?.port !== undefined)) {
        problems.push({ path, message: `${name} has no Service: set components.${name}.service.port` });
      }
    });
  }
  return problems;
}
