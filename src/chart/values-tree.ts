// One description of the chart's values, from which values.yaml (with `## @param` comments, the
// convention of Bitnami's readme-generator-for-helm), values.schema.json and the README's
// parameters table are all written, so the three never drift apart.
import { dump } from 'js-yaml';

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

function yamlValue(value: unknown, indent: string): string {
  const text = dump(value, { lineWidth: -1, quoteStyle: 'double' }).trimEnd();
  if (!text.includes('\n') && !(typeof value === 'object' && value !== null && Object.keys(value).length > 0)) {
    return ` ${text}`;
  }
  const block = text.startsWith('|') || text.startsWith('>');
  const lines = text.split('\n');
  if (block) return ` ${lines[0]}\n${lines.slice(1).map((line) => `${indent}${line}`).join('\n')}`;
  return `\n${lines.map((line) => `${indent}  ${line}`).join('\n')}`;
}

function renderNodes(nodes: ValueNode[], prefix: string, indent: string): string[] {
  const out: string[] = [];
  for (const node of nodes) {
    const path = join(prefix, node.key);
    if (isGroup(node)) {
      out.push(`${indent}## ${node.description}`, `${indent}${node.key}:`);
      out.push(...renderNodes(node.children, path, `${indent}  `));
    } else {
      out.push(`${indent}## @param ${path} ${node.description}`);
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
    out.push(...renderNodes(section.nodes, '', ''));
  }
  return `${out.join('\n')}\n`;
}

function nodeSchema(node: ValueNode): JsonSchema {
  if (!isGroup(node)) return { description: node.description, ...node.schema };
  return {
    type: 'object',
    description: node.description,
    additionalProperties: false,
    properties: Object.fromEntries(node.children.map((child) => [child.key, nodeSchema(child)])),
  };
}

export function valuesSchema(sections: ValueSection[], title: string): JsonSchema {
  const nodes = sections.flatMap((section) => section.nodes);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title,
    type: 'object',
    additionalProperties: false,
    properties: {
      // What a parent chart may pass to this chart when it is used as a subchart.
      global: { type: 'object', description: 'Values shared with a parent chart' },
      enabled: { type: 'boolean', description: "A parent chart's switch for this subchart" },
      ...Object.fromEntries(nodes.map((node) => [node.key, nodeSchema(node)])),
    },
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
        out.push({
          section,
          path: join(prefix, node.key),
          description: node.description,
          value: JSON.stringify(node.value),
        });
    }
  };
  for (const section of sections) walk(section.title, section.nodes, '');
  return out;
}
