// Answers as plain data. Every map becomes a null-prototype object, so a key such as `__proto__`,
// `constructor` or `prototype` is an ordinary key: refused as unknown where the keys are fixed, kept
// as data in free-form maps (config.data), and never a way to reach Object.prototype.
const isMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);

/** A deep copy with null-prototype maps; only own keys are copied, so nothing inherited gets in.
 * With `dropNulls`, a key whose value is null is left out (stored answers never mean null). */
export function toData(value: unknown, options: { dropNulls?: boolean } = {}): unknown {
  if (Array.isArray(value)) return value.map((item) => toData(item, options));
  if (!isMap(value)) return value;
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    if (options.dropNulls && value[key] === null) continue;
    out[key] = toData(value[key], options);
  }
  return out;
}

/** How deep maps and lists nest below `value`, stopping past `limit`. */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
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

/** What to give over `stored` so that the answers in force become exactly `next`: next itself,
 * with null for every stored key that next no longer has (the prompts remove what no longer
 * applies, such as a schedule when the kind is no longer a CronJob). */
export function replacing(stored: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> {
  const out = toData(next) as Record<string, unknown>;
  for (const key of Object.keys(stored)) {
    const before = stored[key];
    const after = Object.hasOwn(next, key) ? next[key] : undefined;
    if (after === undefined) out[key] = null;
    else if (isMap(before) && isMap(after)) out[key] = replacing(before, after);
  }
  return out;
}
