// Answers as plain data. Every map becomes a null-prototype object, so a key such as `__proto__`,
// `constructor` or `prototype` is an ordinary key: refused as unknown where the keys are fixed, kept
// as data in free-form maps (config.data), and never a way to reach Object.prototype.
const isMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);

/** A deep copy with null-prototype maps; only own keys are copied, so nothing inherited gets in. */
export function toData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toData);
  if (!isMap(value)) return value;
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value)) out[key] = toData(value[key]);
  return out;
}

/** Answers given now win over stored ones, key by key; lists are replaced whole; a key given as
 * null is removed (the way to drop a stored answer, such as a config entry or acmeIssuer). Only
 * own keys of either side count. */
export function overlayAnswers(stored: Record<string, unknown>, given: Record<string, unknown>): Record<string, unknown> {
  const out = toData(stored) as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    const value = given[key];
    const old = Object.hasOwn(out, key) ? out[key] : undefined;
    if (value === null) delete out[key];
    else out[key] = isMap(value) ? overlayAnswers(isMap(old) ? old : {}, value) : toData(value);
  }
  return out;
}
