// JSON Schema pieces for the values of a generated chart: strict (unknown keys fail), and written
// for Go's regexp (RE2: no lookaround), since Helm checks values.schema.json with it.
import * as rules from '../validators.ts';
import { ANNOTATION_KEY } from '../validators.ts';
// Written by the build from @kubernetes/client-node's models (scripts/k8s-value-schemas.mjs).
import k8sSchemas from './k8s-schemas.generated.js';

export type JsonSchema = Record<string, unknown>;

export const str: JsonSchema = { type: 'string' };
export const bool: JsonSchema = { type: 'boolean' };
export const int = (minimum: number, maximum?: number): JsonSchema => ({
  type: 'integer',
  minimum,
  ...(maximum === undefined ? {} : { maximum }),
});
export const pattern = (rule: { pattern: string; forbidden?: string[] }, allowEmpty = false): JsonSchema => ({
  type: 'string',
  pattern: allowEmpty ? `^$|${rule.pattern}` : rule.pattern,
  ...(rule.forbidden ? { not: { enum: rule.forbidden } } : {}),
});
export const freeObject: JsonSchema = { type: 'object' };
export const freeList: JsonSchema = { type: 'array' };

const LABEL_VALUE = '^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$';
const QUANTITY_STRING = '^[+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+|[numkMGTPE]|[KMGTPE]i)?$';
/** Schemas the values hold in many places, each one definition that the schema refers to: Helm
 * compiles a definition once, and each copy of a schema each time (about 20 us a subschema on
 * Helm 4, on every render). */
const CHART_DEFINITIONS: Record<string, JsonSchema> = {};
/** A schema held in more than one place, as a definition of that name and a reference to it. */
export function shared(name: string, schema: JsonSchema): JsonSchema {
  if (name in CHART_DEFINITIONS && CHART_DEFINITIONS[name] !== schema) throw new Error(`two shared schemas named ${name}`);
  CHART_DEFINITIONS[name] = schema;
  return { $ref: `#/definitions/${name}` };
}
/** The schema a reference to a definition names (a chart's or a Kubernetes type); any other schema
 * as it is. */
export function resolved(schema: JsonSchema | undefined): JsonSchema | undefined {
  const ref = schema?.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/definitions/')) return schema;
  const name = ref.slice('#/definitions/'.length);
  return CHART_DEFINITIONS[name] ?? k8sSchemas.definitions[name];
}

/** Annotations, and other maps of strings by keys of the annotation key's form. */
export const stringMap = shared('stringMap', {
  type: 'object',
  propertyNames: { pattern: ANNOTATION_KEY.pattern },
  additionalProperties: { type: 'string' },
});
/** Labels: label keys (the annotation key's form), values of at most 63 characters that start
 * and end with a letter or digit (or empty), as the API server admits them. */
export const labelMap = shared('labelMap', {
  type: 'object',
  propertyNames: { pattern: ANNOTATION_KEY.pattern },
  additionalProperties: { type: 'string', pattern: LABEL_VALUE },
});
/** A Kubernetes quantity: "100m", "128Mi", or a plain number. One schema of two types, not an
 * anyOf of two: pattern binds only a string and minimum only a number, and it is one subschema
 * to compile instead of three. */
export const quantity = shared('quantity', { type: ['string', 'number'], pattern: QUANTITY_STRING, minimum: 0 });
export const resourceList: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { cpu: quantity, memory: quantity, 'ephemeral-storage': quantity },
};
// resources and probe stay inline: values.yaml documents their fields one by one, and the schema
// describes each of them where it is held.
export const resources: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { requests: resourceList, limits: resourceList },
};

/** A port by number or name (one schema of two types, as quantity). */
export const portRef: JsonSchema = { type: ['integer', 'string'], minimum: 1, maximum: 65535, minLength: 1 };
/** The fields of a Kubernetes probe, so a misplaced field (minReadySeconds) fails `helm lint`. */
export const probe: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    enabled: bool,
    httpGet: {
      type: 'object',
      additionalProperties: false,
      required: ['port'],
      properties: {
        path: str,
        port: portRef,
        scheme: { enum: ['HTTP', 'HTTPS'] },
        host: str,
        httpHeaders: freeList,
      },
    },
    tcpSocket: {
      type: 'object',
      additionalProperties: false,
      required: ['port'],
      properties: { port: portRef, host: str },
    },
    grpc: {
      type: 'object',
      additionalProperties: false,
      // No port: the container port (service.port); gRPC probes take no port names.
      properties: { port: int(1, 65535), service: str },
    },
    exec: {
      type: 'object',
      additionalProperties: false,
      required: ['command'],
      properties: { command: { type: 'array', items: str, minItems: 1 } },
    },
    initialDelaySeconds: int(0),
    periodSeconds: int(1),
    timeoutSeconds: int(1),
    successThreshold: int(1),
    failureThreshold: int(1),
    terminationGracePeriodSeconds: int(1),
  },
};

export const seccompProfile: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { type: { enum: ['RuntimeDefault', 'Localhost', 'Unconfined'] }, localhostProfile: str },
};
export const podSecurityContext: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    runAsNonRoot: bool,
    runAsUser: int(0),
    runAsGroup: int(0),
    fsGroup: int(0),
    fsGroupChangePolicy: { enum: ['OnRootMismatch', 'Always'] },
    supplementalGroups: { type: 'array', items: int(0) },
    seccompProfile,
    sysctls: freeList,
  },
};
export const containerSecurityContext: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    runAsNonRoot: bool,
    runAsUser: int(0),
    runAsGroup: int(0),
    allowPrivilegeEscalation: bool,
    privileged: bool,
    readOnlyRootFilesystem: bool,
    capabilities: {
      type: 'object',
      additionalProperties: false,
      properties: { add: { type: 'array', items: str }, drop: { type: 'array', items: str } },
    },
    seccompProfile,
  },
};


const PERCENT_OR_COUNT = '^[0-9]+%?$';
/** A count or a percentage (one schema of two types, as quantity). */
export const intOrString: JsonSchema = { type: ['integer', 'string'], minimum: 0, pattern: PERCENT_OR_COUNT };

/** autoscaling/v2 HPAScalingRules, as the API checks them. */
const scalingRules = shared('scalingRules', {
  type: 'object',
  additionalProperties: false,
  properties: {
    stabilizationWindowSeconds: int(0, 3600),
    selectPolicy: { enum: ['Max', 'Min', 'Disabled'] },
    policies: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['type', 'value', 'periodSeconds'],
        properties: { type: { enum: ['Pods', 'Percent'] }, value: int(1), periodSeconds: int(1, 1800) },
      },
    },
  },
});
/** autoscaling/v2 HorizontalPodAutoscalerBehavior. */
export const hpaBehavior: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { scaleUp: scalingRules, scaleDown: scalingRules },
};

const keySelector = shared('keySelector', {
  type: 'object',
  additionalProperties: false,
  required: ['key'],
  properties: { name: str, key: { type: 'string', minLength: 1 }, optional: bool },
});
/** A core/v1 EnvVar as the API checks it: a string value, or one source in valueFrom, never both. */
export const envVar: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1 },
    value: str,
    valueFrom: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      maxProperties: 1,
      properties: {
        configMapKeyRef: keySelector,
        secretKeyRef: keySelector,
        fieldRef: { type: 'object', additionalProperties: false, required: ['fieldPath'], properties: { apiVersion: str, fieldPath: str } },
        resourceFieldRef: {
          type: 'object',
          additionalProperties: false,
          required: ['resource'],
          properties: { containerName: str, resource: str, divisor: quantity },
        },
      },
    },
  },
  not: { required: ['value', 'valueFrom'] },
};
/** A core/v1 Toleration as the API checks it. */
export const toleration: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    key: str,
    operator: { enum: ['Exists', 'Equal'] },
    value: str,
    effect: { enum: ['NoSchedule', 'PreferNoSchedule', 'NoExecute', ''] },
    tolerationSeconds: { type: 'integer' },
  },
};

/** A Kubernetes object as the API defines it (fields, types, required fields; unknown fields
 * refused), for the values that hold one. */
export const k8s = (type: keyof typeof k8sSchemas.types): JsonSchema => k8sSchemas.types[type];
export const k8sList = (type: keyof typeof k8sSchemas.types): JsonSchema => ({ type: 'array', items: k8s(type) });

/** The definition names each schema object refers to, itself and below it (not through the
 * references): most of a values schema is shared constants, so each is walked once a run. */
const refsBelow = new WeakMap<object, readonly string[]>();

function refsIn(node: unknown): readonly string[] {
  if (typeof node !== 'object' || node === null) return [];
  const known = refsBelow.get(node);
  if (known) return known;
  const names = new Set<string>();
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === 'string' && ref.startsWith('#/definitions/')) names.add(ref.slice('#/definitions/'.length));
  for (const child of Array.isArray(node) ? node : Object.values(node)) for (const name of refsIn(child)) names.add(name);
  const list = [...names];
  refsBelow.set(node, list);
  return list;
}

/** The definitions a schema refers to ("#/definitions/V1Container", "#/definitions/quantity"), and
 * those they refer to. */
export function k8sDefinitions(schema: unknown): Record<string, JsonSchema> {
  const found: Record<string, JsonSchema> = {};
  const pending = [...refsIn(schema)];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    const definition = k8sSchemas.definitions[name] ?? CHART_DEFINITIONS[name];
    if (!definition || name in found) continue;
    found[name] = definition;
    pending.push(...refsIn(definition));
  }
  // By code unit, not localeCompare: the same order on every machine, and no collator to load.
  return Object.fromEntries(Object.entries(found).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A cron schedule: five fields, or a descriptor; the answers file checks it fully. */
export const cronSchedule: JsonSchema = {
  type: 'string',
  pattern:
    '^(@(annually|yearly|monthly|weekly|daily|midnight|hourly)|@every ([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+|[^\\s]+( +[^\\s]+){4})$',
};

/** A workload's update strategy: its types, and the fields of its rollingUpdate. */
export const updateStrategy = (types: string[], rollingUpdate: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required: ['type'],
  properties: {
    type: { enum: types },
    rollingUpdate: { type: 'object', additionalProperties: false, required: Object.keys(rollingUpdate), properties: rollingUpdate },
  },
});

/** The names of the shared pattern definitions, by pattern: the validators' rules (as
 * labelKey for LABEL_KEY) and the patterns of this file. */
const PATTERN_NAMES = new Map<string, string>([
  ...Object.entries(rules).flatMap(([name, rule]): Array<[string, string]> => {
    const pattern = (rule as { pattern?: unknown }).pattern;
    if (typeof pattern !== 'string') return [];
    const camel = name.toLowerCase().replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
    return [[pattern, camel], [`^$|${pattern}`, `${camel}OrEmpty`]];
  }),
  [LABEL_VALUE, 'labelValue'],
]);

const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions']);
const SCHEMA_ONES = new Set(['additionalProperties', 'additionalItems', 'items', 'not', 'propertyNames', 'contains', 'if', 'then', 'else']);
const SCHEMA_LISTS = new Set(['anyOf', 'allOf', 'oneOf', 'items']);

/** The schema with `each` applied to every subschema below it, deepest first; an object nothing
 * changed in is kept as it is, not copied (most of a values schema is shared constants). */
function mapSubschemas(schema: JsonSchema, each: (schema: JsonSchema) => JsonSchema): JsonSchema {
  let out: JsonSchema | undefined;
  for (const key in schema) {
    const value = schema[key];
    if (typeof value !== 'object' || value === null) continue;
    let changed: unknown = value;
    if (Array.isArray(value)) {
      if (SCHEMA_LISTS.has(key)) {
        const items = value.map((item) => mapped(item, each));
        if (items.some((item, i) => item !== value[i])) changed = items;
      }
    } else if (SCHEMA_MAPS.has(key)) {
      let children: Record<string, unknown> | undefined;
      for (const name in value) {
        const child = (value as Record<string, unknown>)[name];
        const result = mapped(child, each);
        if (result !== child) (children ??= { ...value })[name] = result;
      }
      if (children) changed = children;
    } else if (SCHEMA_ONES.has(key)) changed = mapped(value, each);
    if (changed !== value) (out ??= { ...schema })[key] = changed;
  }
  return out ?? schema;
}
const mapped = (value: unknown, each: (schema: JsonSchema) => JsonSchema): unknown =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? each(mapSubschemas(value as JsonSchema, each)) : value;

/** Each schema that is only a named pattern (a validator's rule, or one of this file's) moved to
 * one definition named for it, and referred to: Helm checks and compiles a pattern each time it
 * meets one (Go's regexp, costly for counted repeats such as {0,61}), a definition once. A
 * description stays beside its reference, for the reader (draft-07 validators ignore it there). */
export function sharePatterns(schema: { properties: Record<string, JsonSchema>; definitions: Record<string, JsonSchema> }): {
  properties: Record<string, JsonSchema>;
  definitions: Record<string, JsonSchema>;
} {
  const found: Record<string, JsonSchema> = {};
  const share = (node: JsonSchema): JsonSchema => {
    if (typeof node.pattern !== 'string') return node;
    const { description, ...rest } = node;
    const typed = rest.type === 'string';
    if (Object.keys(rest).length !== (typed ? 2 : 1)) return node;
    const name = PATTERN_NAMES.get(rest.pattern as string);
    const definition = name && (typed ? name : `${name}Pattern`);
    if (!definition || definition in schema.definitions) return node;
    found[definition] = rest;
    return { ...(typeof description === 'string' ? { description } : {}), $ref: `#/definitions/${definition}` };
  };
  // The Kubernetes definitions hold no such pattern (their quantity is their own definition).
  const own = Object.fromEntries(Object.entries(schema.definitions).filter(([name]) => !(name in k8sSchemas.definitions)));
  const shared = mapSubschemas({ properties: schema.properties, definitions: own }, share);
  const definitions = { ...schema.definitions, ...(shared.definitions as Record<string, JsonSchema>), ...found };
  return {
    properties: shared.properties as Record<string, JsonSchema>,
    // By code unit, not localeCompare: the same order on every machine, and no collator to load.
    definitions: Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
}
