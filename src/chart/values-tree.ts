// One description of the chart's values, from which values.yaml (with `## @param` comments, the
// convention of Bitnami's readme-generator-for-helm), values.schema.json and the README's
// parameters table are all written, so the three never drift apart.
import { dump } from 'js-yaml';
import { k8sDefinitions, resolved, sharePatterns } from './schemas.ts';

type JsonSchema = Record<string, unknown>;

export interface ValueLeaf {
  key: string;
  description: string;
  value: unknown;
  schema: JsonSchema;
  /** Lines shown under the @param line in values.yaml: why a default is what it is. */
  notes?: string[];
}

export interface ValueGroup {
  key: string;
  description: string;
  children: ValueNode[];
}

export type ValueNode = ValueLeaf | ValueGroup;

export interface ValueSection {
  title: string;
  nodes: ValueNode[];
}

export const leaf = (
  key: string,
  value: unknown,
  schema: JsonSchema,
  description: string,
  notes?: string[],
): ValueLeaf => ({ key, value, schema, description, ...(notes ? { notes } : {}) });

export const group = (key: string, description: string, children: ValueNode[]): ValueGroup => ({
  key,
  description,
  children,
});

const isGroup = (node: ValueNode): node is ValueGroup => 'children' in node;
const join = (prefix: string, key: string) => (prefix ? `${prefix}.${key}` : key);

/** dump() of the values met before: js-yaml builds its dumper's state afresh at each call (most of
 * the time values.yaml took), and most values are the same in every chart of a batch. */
const dumped = new Map<string, string>();

/** Whether JSON.stringify tells the value apart from every other: plain data, with no number
 * JSON cannot write (NaN, the infinities, -0) and nothing it leaves out. */
function jsonExact(value: unknown): boolean {
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(jsonExact);
  return typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(jsonExact);
}

/** The longest value kept: the values charts share are short; a long one (a file in config.data)
 * would only take memory. */
const MAX_KEPT = 1024;

function dumpValue(value: unknown): string {
  const json = jsonExact(value) ? JSON.stringify(value) : undefined;
  const key = json !== undefined && json.length <= MAX_KEPT ? json : undefined;
  const known = key === undefined ? undefined : dumped.get(key);
  if (known !== undefined) return known;
  const text = dump(value, { lineWidth: -1, quoteStyle: 'double' }).trimEnd();
  if (key !== undefined && dumped.size < 10_000) dumped.set(key, text);
  return text;
}

function yamlValue(value: unknown, indent: string): string {
  const text = dumpValue(value);
  if (!text.includes('\n') && !(typeof value === 'object' && value !== null && Object.keys(value).length > 0)) {
    return ` ${text}`;
  }
  const block = text.startsWith('|') || text.startsWith('>');
  const lines = text.split('\n');
  if (block) return ` ${lines[0]}\n${lines.slice(1).map((line) => `${indent}${line}`).join('\n')}`;
  return `\n${lines.map((line) => `${indent}  ${line}`).join('\n')}`;
}

/** One `## @param` line: a leaf of a value, or a whole value (a free-form map or list, marked with
 * readme-generator-for-helm's [object] or [array] modifier, or a scalar). */
interface ParamLine {
  path: string;
  description: string;
  modifier?: 'object' | 'array';
  value: unknown;
  /** The keys from the value down to this leaf; empty for the value itself. */
  keys: string[];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** The fields a schema names, also through a reference to a shared definition. */
const propertiesOf = (schema: JsonSchema | undefined): Record<string, JsonSchema> | undefined => {
  const properties = resolved(schema)?.properties;
  return isPlainObject(properties) ? (properties as Record<string, JsonSchema>) : undefined;
};

/** Descriptions of the Kubernetes fields the values hold, by their last keys. */
const FIELD_DOCS: Record<string, string> = {
  runAsNonRoot: 'Refuse to start a container that would run as root',
  runAsUser: 'User ID the processes run as',
  runAsGroup: 'Group ID the processes run as',
  fsGroup: 'Group that owns the mounted volumes',
  fsGroupChangePolicy: 'When the volumes get the fsGroup (OnRootMismatch, Always)',
  'seccompProfile.type': "Seccomp profile (RuntimeDefault: the container runtime's)",
  allowPrivilegeEscalation: 'Allow a process more privileges than its parent',
  privileged: 'Run the container privileged',
  readOnlyRootFilesystem: 'Mount the root file system read-only',
  'capabilities.drop': 'Linux capabilities dropped',
  'capabilities.add': 'Linux capabilities added',
  'requests.cpu': 'CPU requested: what the scheduler reserves',
  'requests.memory': 'Memory requested: what the scheduler reserves',
  'limits.cpu': 'CPU limit: the container is throttled above it',
  'limits.memory': 'Memory limit: the container is killed above it',
  enabled: 'Run this check',
  'httpGet.path': 'Path the check GETs',
  'httpGet.port': 'Port the check GETs (name or number)',
  'tcpSocket.port': 'Port the check connects to (name or number)',
  'grpc.port': 'Port of the gRPC health service',
  'grpc.service': 'gRPC service name to check',
  'exec.command': 'Command the check runs in the container',
  initialDelaySeconds: 'Seconds before the first check',
  periodSeconds: 'Seconds between checks',
  timeoutSeconds: 'Seconds a check may take',
  successThreshold: 'Successes in a row that count as passing',
  failureThreshold: 'Failures in a row that count as failing',
  rollingUpdate: 'How a rolling update goes',
  seccompProfile: 'The seccomp profile',
  capabilities: 'Linux capabilities',
  requests: 'What the container is sure to get: the scheduler reserves it',
  limits: 'The most the container may use',
  httpGet: 'An HTTP GET check: a status from 200 to 399 passes',
  tcpSocket: 'A TCP check: an accepted connection passes',
  grpc: 'A gRPC health check',
  exec: 'A command check: exit code 0 passes',
  'strategy.type': 'RollingUpdate (a few pods at a time) or Recreate (all stop, then the new ones start)',
  'updateStrategy.type': 'RollingUpdate, or OnDelete (a pod is replaced only once deleted)',
  'rollingUpdate.maxSurge': 'Pods started above the desired count during an update',
  'rollingUpdate.maxUnavailable': 'Pods that may be unavailable during an update',
  'rollingUpdate.partition': 'Pods with a lower ordinal keep the old version (a staged rollout)',
  'secretStoreRef.name': 'Name of the store',
  'secretStoreRef.kind': 'Kind of the store',
};

function fieldDescription(keys: string[], valueDescription: string): string {
  for (let start = 0; start < keys.length; start++) {
    const found = FIELD_DOCS[keys.slice(start).join('.')];
    if (found) return found;
  }
  return `${valueDescription}: ${keys.join('.')}`;
}

/** The @param lines of a value: each leaf of a structured value (one whose schema names its
 * fields) by its dotted path; a free-form map or a list of objects as a whole, with a modifier. */
function paramLines(node: ValueLeaf, path: string): ParamLine[] {
  const walk = (value: unknown, schema: JsonSchema | undefined, keys: string[]): ParamLine[] => {
    const at = keys.length ? `${path}.${keys.join('.')}` : path;
    const description = keys.length ? fieldDescription([node.key, ...keys], node.description) : node.description;
    if (isPlainObject(value) && Object.keys(value).length > 0) {
      const properties = propertiesOf(schema);
      if (!properties) return [{ path: at, description, modifier: 'object', value, keys }];
      return Object.entries(value).flatMap(([key, child]) => walk(child, properties[key], [...keys, key]));
    }
    if (Array.isArray(value) && value.some((item) => typeof item !== 'string')) {
      return [{ path: at, description, modifier: 'array', value, keys }];
    }
    return [{ path: at, description, value, keys }];
  };
  return walk(node.value, node.schema, []);
}

/** The schema with the description of each documented leaf below the value. */
function describedSchema(node: ValueLeaf, path: string): JsonSchema {
  // Each object on the way down gets a description too (rollingUpdate, resources.requests, ...).
  // A shared definition stays shared: its fields keep no descriptions of one place (values.yaml
  // and the README carry them).
  const describe = (schema: JsonSchema, above: string[], keys: string[], description: string): JsonSchema => {
    if (keys.length === 0) return { description, ...schema };
    if ('$ref' in schema) return schema;
    const [key, ...rest] = keys as [string, ...string[]];
    const properties = propertiesOf(schema) ?? {};
    const child = properties[key] ?? {};
    const described = rest.length > 0 && typeof child.description !== 'string'
      ? { description: fieldDescription([node.key, ...above, key], node.description), ...child }
      : child;
    return { ...schema, properties: { ...properties, [key]: describe(described, [...above, key], rest, description) } };
  };
  let schema: JsonSchema = { description: node.description, ...node.schema };
  for (const line of paramLines(node, path)) {
    if (line.keys.length > 0) schema = describe(schema, [], line.keys, line.description);
  }
  return schema;
}

function renderNodes(nodes: ValueNode[], prefix: string, indent: string): string[] {
  const out: string[] = [];
  for (const node of nodes) {
    const path = join(prefix, node.key);
    if (isGroup(node)) {
      out.push(`${indent}## ${node.description}`, `${indent}${node.key}:`);
      // A loop, not a spread: a chart of many components has more lines than a call takes arguments.
      for (const line of renderNodes(node.children, path, `${indent}  `)) out.push(line);
    } else {
      const lines = paramLines(node, path);
      // A structured value is documented leaf by leaf, as readme-generator-for-helm asks.
      if (lines.some((line) => line.keys.length > 0)) out.push(`${indent}## ${node.description}`);
      for (const line of lines) {
        out.push(`${indent}## @param ${line.path}${line.modifier ? ` [${line.modifier}]` : ''} ${line.description}`);
      }
      for (const note of node.notes ?? []) out.push(`${indent}## ${note}`);
      out.push(`${indent}${node.key}:${yamlValue(node.value, indent)}`);
    }
  }
  return out;
}

export function renderValuesYaml(sections: ValueSection[], header: string[]): string {
  const out = header.map((line) => `# ${line}`.trimEnd());
  for (const section of sections) {
    out.push('', `## @section ${section.title}`, '');
    for (const line of renderNodes(section.nodes, '', '')) out.push(line);
  }
  return `${out.join('\n')}\n`;
}

function nodeSchema(node: ValueNode): JsonSchema {
  if (!isGroup(node)) return describedSchema(node, node.key);
  return {
    type: 'object',
    description: node.description,
    additionalProperties: false,
    properties: Object.fromEntries(node.children.map((child) => [child.key, nodeSchema(child)])),
  };
}

/** A group's schema that admits keys it does not name: a parent chart passes all its globals. */
function openSchema(schema: JsonSchema): JsonSchema {
  if (schema.type !== 'object' || !isPlainObject(schema.properties)) return schema;
  const { additionalProperties: _closed, ...rest } = schema;
  return { ...rest, properties: Object.fromEntries(Object.entries(schema.properties).map(([key, child]) => [key, openSchema(child as JsonSchema)])) };
}

export function valuesSchema(sections: ValueSection[], title: string): JsonSchema {
  const nodes = sections.flatMap((section) => section.nodes);
  const global = nodes.find((node) => node.key === 'global' && isGroup(node));
  const properties = {
    // What a parent chart may pass to this chart when it is used as a subchart.
    global: global ? openSchema(nodeSchema(global)) : { type: 'object', description: 'Values shared with a parent chart' },
    enabled: { type: 'boolean', description: "A parent chart's switch for this subchart" },
    ...Object.fromEntries(nodes.filter((node) => node !== global).map((node) => [node.key, nodeSchema(node)])),
  };
  // The Kubernetes types the values hold, and each pattern held more than once, referred to as
  // "#/definitions/...": no network needed, and Helm compiles each of them once.
  const shared = sharePatterns({ properties, definitions: k8sDefinitions(properties) });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title,
    type: 'object',
    additionalProperties: false,
    properties: shared.properties,
    ...(Object.keys(shared.definitions).length ? { definitions: shared.definitions } : {}),
  };
}

export interface Parameter {
  section: string;
  path: string;
  description: string;
  value: string;
}

export function parameters(sections: ValueSection[]): Parameter[] {
  const out: Parameter[] = [];
  const walk = (section: string, nodes: ValueNode[], prefix: string) => {
    for (const node of nodes) {
      if (isGroup(node)) walk(section, node.children, join(prefix, node.key));
      else
        for (const line of paramLines(node, join(prefix, node.key))) {
          out.push({ section, path: line.path, description: line.description, value: JSON.stringify(line.value) });
        }
    }
  };
  for (const section of sections) walk(section.title, section.nodes, '');
  return out;
}
