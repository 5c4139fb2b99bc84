// The building blocks of the answers schema, shared by every part's schema.ts. Build time only:
// the build writes the schema to schema/answers.schema.json and compiles a standalone validator
// from it, so nothing that runs imports TypeBox. The TypeScript type of the answers is the
// schema's Static type (src/model.ts), so the two are written once.
import { Type, type Static, type TProperties, type TSchema } from 'typebox';
import { ABSOLUTE_PATH, OBJECT_NAME } from '../validators.ts';

export { Type, type Static };

/** A rule of src/validators.ts: a pattern and the message that names what is allowed. */
interface TextRule {
  pattern: string;
  message: string;
  maxLength?: number;
  forbidden?: string[];
}

/** An object whose keys are all known: a typo is an error, never silently ignored. Keys wrapped in
 * optional() may be left out; the others are required, in their order (the first is the one a
 * missing section's problem names). */
export const object = <P extends TProperties>(properties: P, description: string) =>
  Type.Object(properties, { description, additionalProperties: false });

export const optional = Type.Optional;

export const text = (rule: TextRule, description: string) =>
  Type.String({
    description,
    pattern: rule.pattern,
    ...(rule.maxLength === undefined ? {} : { maxLength: rule.maxLength }),
    ...(rule.forbidden ? { not: { enum: rule.forbidden } } : {}),
    'x-message': rule.message,
  });

/** Free text on one line: no line breaks or other control characters. */
export const oneLine = (options: { description: string; minLength?: number; maxLength?: number }) =>
  Type.String({
    allOf: [
      { pattern: '^[^\\u0000-\\u001f\\u007f]*$', 'x-message': 'must be one line of text, without line breaks or other control characters' },
    ],
    ...options,
  });

export const integer = (minimum: number, maximum: number, description: string) => Type.Integer({ minimum, maximum, description });
export const boolean = (description: string) => Type.Boolean({ description });

/** One of a list of strings; `type` as well, so a number is "must be a string", not only "one of". */
export const choice = <const V extends string[]>(values: readonly [...V], description: string) =>
  Type.Enum(values, { type: 'string', description });

export const command = (description: string) => Type.Array(Type.String(), { minItems: 1, description });
export const mountPath = (description: string) => text(ABSOLUTE_PATH, description);

/** A list of distinct names, each checked by its rule. */
export const names = (description: string, rule: { pattern: string; message: string }) =>
  Type.Array(Type.String({ pattern: rule.pattern, 'x-message': rule.message }), { minItems: 1, uniqueItems: true, description });

/** A map with free keys checked by `keys` (its message names what a key may be). TypeBox's Record
 * would say it with patternProperties; the schema says it with propertyNames, whose error names
 * the key. */
export const map = <V extends TSchema>(keys: { pattern: string; maxLength?: number; message: string }, value: V, description: string) =>
  Type.Unsafe<Record<string, Static<V>>>({
    type: 'object',
    description,
    propertyNames: { pattern: keys.pattern, ...(keys.maxLength === undefined ? {} : { maxLength: keys.maxLength }) },
    additionalProperties: value,
    'x-message': keys.message,
  });

/** An object passed on as given (a Kubernetes selector): only its type is checked. */
export const anyObject = (description: string) => Type.Unsafe<Record<string, unknown>>({ type: 'object', description });

/** A scalar of one of JSON's types, as `type: [...]` says it (one error, "must be a string or ..."). */
export const scalar = () => Type.Unsafe<string | number | boolean>({ type: ['string', 'number', 'boolean'] });

/** Which cert-manager issuer signs a certificate: for the Ingress's TLS and the Gateway's. */
export const issuerFields = () => ({
  issuer: optional(text(OBJECT_NAME, 'Name of the cert-manager Issuer or ClusterIssuer')),
  issuerKind: optional(choice(['ClusterIssuer', 'Issuer'], 'Kind of the issuer (default ClusterIssuer)')),
});
