// The shapes of the files a chart carries about its own making. They are untrusted input (a pull
// request can change them), so each is checked against its schema when read, before anything
// uses it; paths in them are checked further by chart-fs's unsafePathReason. The build compiles
// these into a standalone validator module, as it does the answers schema.
type Schema = Record<string, unknown>;

const text: Schema = { type: 'string', minLength: 1, maxLength: 4096 };

/** The generator's entry in `.yo-rc.json`. */
export const recordEntrySchema: Schema = {
  $id: 'record',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'answers'],
  properties: {
    version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+([-+][0-9A-Za-z.+-]*)?$', maxLength: 64 },
    chartVersion: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+([-+][0-9A-Za-z.+-]*)?$', maxLength: 64 },
    answers: { type: 'object' },
  },
};

/** `.k8s-chart/journal.json`: the renames, deletions and new files of an update under way. */
export const journalSchema: Schema = {
  $id: 'journal',
  type: 'object',
  additionalProperties: false,
  required: ['state', 'renames', 'deletes'],
  properties: {
    state: { enum: ['preparing', 'committed'] },
    renames: {
      type: 'array',
      maxItems: 10000,
      items: { type: 'object', additionalProperties: false, required: ['from', 'to'], properties: { from: text, to: text } },
    },
    deletes: { type: 'array', maxItems: 10000, items: text },
    creates: {
      type: 'array',
      maxItems: 10000,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['path', 'crc32'],
        properties: { path: text, crc32: { type: 'integer', minimum: 0, maximum: 4294967295 } },
      },
    },
  },
};

/** `.k8s-chart/base.json.br` (decompressed): every generated file's path and content. */
export const baseSchema: Schema = {
  $id: 'base',
  type: 'object',
  maxProperties: 10000,
  propertyNames: { minLength: 1, maxLength: 4096 },
  additionalProperties: { type: 'string' },
};
