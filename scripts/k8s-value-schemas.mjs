// The JSON Schemas of the Kubernetes objects that chart values hold (sidecars are Containers,
// extraVolumes are Volumes, ...), taken offline from @kubernetes/client-node's models (the
// k8s-client-1.36 devDependency): each field's type from the model's attributeTypeMap, the required
// fields from its typings, unknown fields refused. Written by the build into
// src/chart/k8s-schemas.generated.js: one definition per model type, referring to the others with
// local "#/definitions/..." references; each chart's values.schema.json carries the definitions
// its values reach, so it stays self-contained (Helm lints offline).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The types the values use, by the name the chart's schema code asks for. */
export const VALUE_TYPES = {
  Container: 'V1Container',
  Volume: 'V1Volume',
  VolumeMount: 'V1VolumeMount',
  Affinity: 'V1Affinity',
  TopologySpreadConstraint: 'V1TopologySpreadConstraint',
  Lifecycle: 'V1Lifecycle',
};

// The models type a quantity as a string; the API also takes a number ("cpu: 1"). One definition
// that the fields refer to: Helm compiles its pattern once. Two types in one schema, not an anyOf
// of two (the pattern binds only a string): one subschema for Helm to compile instead of three.
const QUANTITY = {
  type: ['string', 'number'],
  pattern: '^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+|[numkMGTPE]|[KMGTPE]i)?$',
};
const QUANTITY_FIELDS = new Set([
  'V1ResourceRequirements.limits',
  'V1ResourceRequirements.requests',
  'V1VolumeResourceRequirements.limits',
  'V1VolumeResourceRequirements.requests',
  'V1EmptyDirVolumeSource.sizeLimit',
  'V1ResourceFieldSelector.divisor',
]);
const INT_OR_STRING = { type: ['integer', 'string'] };
// Fields the API admits in a narrower form than their model type: an ephemeral volume's claim
// template takes only labels and annotations as metadata ("No other fields are allowed and will be
// rejected during validation"), so the schema does not carry all of ObjectMeta for it.
const stringMap = { type: 'object', additionalProperties: { type: 'string' } };
const NARROWED = {
  'V1PersistentVolumeClaimTemplate.metadata': { type: 'object', additionalProperties: false, properties: { labels: stringMap, annotations: stringMap } },
};

// Volume plugins that no Kubernetes the charts support (1.28 and later) can mount: the API server
// still takes such a volume, with only a warning ("deprecated in v1.25, non-functional in v1.26+",
// pkg/api/pod/warnings.go), and the pod then never starts. Left out, so the schema refuses them as
// unknown fields. cephfs and rbd stay: they work up to 1.30.
const NON_FUNCTIONAL = new Set(['photonPersistentDisk', 'scaleIO', 'flocker', 'storageos', 'quobyte', 'glusterfs'].map((field) => `V1Volume.${field}`));

export async function buildK8sValueSchemas(root) {
  const dir = join(root, 'node_modules/k8s-client-1.36/dist/gen/models');
  const models = new Map();
  const model = async (name) => {
    if (!models.has(name)) {
      const module = await import(pathToFileURL(join(dir, `${name}.js`)).href);
      const typings = readFileSync(join(dir, `${name}.d.ts`), 'utf8');
      const required = [...typings.matchAll(/^\s+'([^']+)': /gm)].map((match) => match[1]);
      models.set(name, { fields: module[name].attributeTypeMap, required });
    }
    return models.get(name);
  };
  const typeSchema = async (type, format, where) => {
    if (where in NARROWED) return NARROWED[where];
    if (QUANTITY_FIELDS.has(where)) {
      definitions.Quantity = QUANTITY;
      const quantity = { $ref: '#/definitions/Quantity' };
      return type.startsWith('{') ? { type: 'object', additionalProperties: quantity } : quantity;
    }
    if (type === 'string' || type === 'Date') return { type: 'string' };
    if (type === 'boolean') return { type: 'boolean' };
    if (type === 'number') return format === 'double' || format === 'float' ? { type: 'number' } : { type: 'integer' };
    if (type === 'IntOrString') return INT_OR_STRING;
    if (type === 'any' || type === 'object') return {};
    const array = /^Array<(.+)>$/.exec(type);
    if (array) return { type: 'array', items: await typeSchema(array[1], '', where) };
    const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
    if (map) return { type: 'object', additionalProperties: await typeSchema(map[1], '', where) };
    return objectSchema(type);
  };
  const definitions = {};
  const objectSchema = async (name) => {
    if (!(name in definitions)) {
      definitions[name] = {};
      const { fields, required } = await model(name);
      const properties = {};
      for (const field of fields) {
        if (!NON_FUNCTIONAL.has(`${name}.${field.name}`)) properties[field.baseName] = await typeSchema(field.type, field.format, `${name}.${field.name}`);
      }
      definitions[name] = { type: 'object', additionalProperties: false, ...(required.length ? { required } : {}), properties };
    }
    return { $ref: `#/definitions/${name}` };
  };
  const types = {};
  for (const [key, name] of Object.entries(VALUE_TYPES)) types[key] = await objectSchema(name);
  const schemas = { types, definitions };
  const version = JSON.parse(readFileSync(join(root, 'node_modules/k8s-client-1.36/package.json'), 'utf8')).version;
  const banner = `// Generated by scripts/build.mjs from @kubernetes/client-node ${version}. Do not edit.\n`;
  writeFileSync(join(root, 'src/chart/k8s-schemas.generated.js'), `${banner}export default ${JSON.stringify(schemas)};\n`);
  writeFileSync(
    join(root, 'src/chart/k8s-schemas.generated.d.ts'),
    `${banner}declare const schemas: {\n  types: Record<${Object.keys(VALUE_TYPES).map((key) => JSON.stringify(key)).join(' | ')}, Record<string, unknown>>;\n  definitions: Record<string, Record<string, unknown>>;\n};\nexport default schemas;\n`,
  );
}
