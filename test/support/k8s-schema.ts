// Strict validation of rendered Kubernetes objects, for the chart tests.
//
// Built-in kinds, per Kubernetes version:
//  - served apiVersion/kind and unknown fields come from the generated models of
//    @kubernetes/client-node for that version (k8s-client-1.28 / k8s-client-1.36),
//    because the API server rejects both and only those packages know what each version has;
//  - primitive types, formats, quantities and required fields come from kubernetes-models'
//    validate(), which knows them but accepts unknown fields.
// CRDs (cert-manager, Gateway API, external-secrets, KEDA, Prometheus Operator): the @kubernetes-models package's
// validate(), made strict by watching which properties its compiled validator reads.
//
// Everything is loaded lazily, one model file at a time, and cached: a whole client index
// costs ~200 ms to load, the few dozen classes a Deployment needs cost a few ms.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type KubeVersion = '1.28' | '1.35';

type AjvError = { instancePath: string; keyword: string; params: Record<string, unknown>; message?: string };
type Validate = (this: unknown) => void;
type Problems = Map<string, string>; // field path -> message; the first message for a path wins

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------
// Client models (one per Kubernetes version)

type ClientLayout = { pkg: string; models: string; index: string; entry: RegExp; apis: string; lowerFirstFiles: boolean };

// 0.20 is CommonJS with lower-camel file names; 2.0 is ESM with file names equal to class names.
// 2.0.1's dist also holds stale files of older generations (V1alpha1Workload.js,
// SchedulingV1alpha1Api.d.ts, gone from its API), so only classes listed in the index count.
const LAYOUTS: Record<KubeVersion, ClientLayout> = {
  '1.28': {
    pkg: 'k8s-client-1.28',
    models: 'dist/gen/model',
    index: 'models.js',
    entry: /__exportStar\(require\("\.\/(\w+)"\)/g,
    apis: 'dist/gen/api',
    lowerFirstFiles: true,
  },
  // No client-node release was generated from Kubernetes 1.35: 2.0.x is generated from 1.36,
  // which removed no API these charts use, so it stands in for 1.35 (the newest the charts admit).
  '1.35': {
    pkg: 'k8s-client-1.36',
    models: 'dist/gen/models',
    index: 'all.js',
    entry: /export \* from '\.\.\/models\/(\w+)\.js'/g,
    apis: 'dist/gen/apis',
    lowerFirstFiles: false,
  },
};

type Client = {
  kubeVersion: KubeVersion;
  attributes(type: string): Map<string, string> | undefined; // JSON field -> type, for model classes
  rootClass(group: string, version: string, kind: string): string | undefined;
};

const clients = new Map<KubeVersion, Client>();

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function client(kubeVersion: KubeVersion): Client {
  let c = clients.get(kubeVersion);
  if (!c) clients.set(kubeVersion, (c = loadClient(kubeVersion)));
  return c;
}

function loadClient(kubeVersion: KubeVersion): Client {
  const layout = LAYOUTS[kubeVersion];
  const root = dirname(require.resolve(`${layout.pkg}/package.json`));
  const modelDir = join(root, layout.models);
  const files = new Map<string, string>(); // class name -> file
  for (const [, file] of readFileSync(join(modelDir, layout.index), 'utf8').matchAll(layout.entry)) {
    files.set(upperFirst(file!), join(modelDir, `${file}.js`));
  }

  const attributes = new Map<string, Map<string, string> | undefined>();
  const creatable = new Map<string, Map<string, string>>(); // "group/version" -> kind -> class

  return {
    kubeVersion,
    attributes(type) {
      if (!attributes.has(type)) {
        const file = files.get(type);
        type ModelClass = { getAttributeTypeMap(): { baseName: string; type: string }[] };
        const cls = file && (require(file) as Record<string, ModelClass>)[type];
        attributes.set(type, cls ? new Map(cls.getAttributeTypeMap().map((a) => [a.baseName, a.type])) : undefined);
      }
      return attributes.get(type);
    },
    // A kind is served when the API group class of that version (e.g. PolicyV1Api) has a
    // create method taking it as body, e.g. createNamespacedPodDisruptionBudget(namespace, body: V1PodDisruptionBudget).
    // Read from the .d.ts so that no API code (and no HTTP stack) has to be loaded.
    rootClass(group, version, kind) {
      const key = `${group}/${version}`;
      let kinds = creatable.get(key);
      if (!kinds) {
        kinds = new Map();
        // apps -> Apps, networking.k8s.io -> Networking, rbac.authorization.k8s.io -> RbacAuthorization, core -> Core
        const groupName = (group || 'core').replace(/\.k8s\.io$/, '').split('.').map(upperFirst).join('');
        const ver = upperFirst(version);
        const api = `${groupName}${ver}Api`;
        const dts = join(root, layout.apis, `${layout.lowerFirstFiles ? lowerFirst(api) : api}.d.ts`);
        if (existsSync(dts)) {
          for (const [, cls] of readFileSync(dts, 'utf8').matchAll(/\bcreate\w*\((?:namespace: string, )?body: (\w+)/g)) {
            // V1Deployment -> Deployment, CoreV1Event -> Event
            const at = cls!.indexOf(ver);
            if (at >= 0 && files.has(cls!)) kinds.set(cls!.slice(at + ver.length), cls!);
          }
        }
        creatable.set(key, kinds);
      }
      return kinds.get(kind);
    },
  };
}

// ---------------------------------------------------------------------------------------
// Field paths and small helpers

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const field = (at: string, key: string) => (/^[A-Za-z_$][\w$-]*$/.test(key) ? (at ? `${at}.${key}` : key) : `${at}[${JSON.stringify(key)}]`);

function report(out: Problems, at: string, message: string): void {
  if (!out.has(at)) out.set(at, message);
}

// ---------------------------------------------------------------------------------------
// Walk an object along the client's attribute type maps: unknown fields and shapes

// Scalars the generator emits and the JSON types they accept. Quantities (resources.limits.memory)
// are typed `string` here, so a number in a string field is left to kubernetes-models, which
// knows which strings are quantities. `any`/`object` are free-form (x-kubernetes-preserve-unknown-fields).
const SCALARS: Record<string, string[] | 'any'> = {
  string: ['string', 'number'],
  Date: ['string'],
  V1MicroTime: ['string'],
  number: ['number'],
  boolean: ['boolean'],
  IntOrString: ['string', 'number'],
  any: 'any',
  object: 'any',
};

function walk(c: Client, value: unknown, type: string, at: string, out: Problems): void {
  // The API server treats null as "not set", and so does Helm when it merges values.
  if (value === null || value === undefined) return;
  const array = /^Array<(.+)>$/.exec(type);
  if (array) {
    if (!Array.isArray(value)) return report(out, at, `expected array, got ${typeOf(value)}`);
    value.forEach((item, i) => walk(c, item, array[1]!, `${at}[${i}]`, out));
    return;
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) {
    if (!isObject(value)) return report(out, at, `expected object, got ${typeOf(value)}`);
    for (const [key, item] of Object.entries(value)) walk(c, item, map[1]!, field(at, key), out);
    return;
  }
  const scalar = SCALARS[type];
  if (scalar) {
    if (scalar !== 'any' && !scalar.includes(typeof value)) report(out, at, `expected ${type}, got ${typeOf(value)}`);
    return;
  }
  const attributes = c.attributes(type);
  if (!attributes) throw new Error(`k8s-schema: type ${type} of ${at} is not modelled by the ${c.kubeVersion} client`);
  if (!isObject(value)) return report(out, at, `expected object, got ${typeOf(value)}`);
  for (const [key, item] of Object.entries(value)) {
    const itemType = attributes.get(key);
    if (itemType === undefined) report(out, field(at, key), 'unknown field');
    else walk(c, item, itemType, field(at, key), out);
  }
}

// ---------------------------------------------------------------------------------------
// kubernetes-models validators

// API group -> package with its models; '' and the other built-in groups -> kubernetes-models.
const CRD_PACKAGES = new Map([
  ['cert-manager.io', '@kubernetes-models/cert-manager'],
  ['gateway.networking.k8s.io', '@kubernetes-models/gateway-api'],
  ['external-secrets.io', '@kubernetes-models/external-secrets'],
  ['keda.sh', '@kubernetes-models/keda'],
  ['monitoring.coreos.com', '@kubernetes-models/prometheus-operator'],
]);

const validators = new Map<string, Validate | undefined>();

// The model class of group/version/kind, e.g. kubernetes-models/apps/v1/Deployment.js. The packages
// only export an "import" condition, so the file is required by path (require(esm), Node >= 22.12).
// Its prototype.validate runs the compiled schema on `this` and throws ValidationError with .errors.
function modelValidator(pkg: string, group: string, version: string, kind: string): Validate | undefined {
  const key = `${pkg}|${group}/${version}/${kind}`;
  if (!validators.has(key)) {
    const file = join(dirname(fileURLToPath(import.meta.resolve(pkg))), group, version, `${kind}.js`);
    type ModelClass = { apiVersion?: string; kind?: string; prototype: { validate: Validate } };
    const cls = existsSync(file) ? (require(file) as Record<string, ModelClass>)[kind] : undefined;
    // Kind files also exist for nested types (apps/v1/DeploymentSpec.js); only resources carry apiVersion/kind.
    const ok = cls && cls.apiVersion === (group ? `${group}/${version}` : version) && cls.kind === kind;
    validators.set(key, ok ? cls.prototype.validate : undefined);
  }
  return validators.get(key);
}

function modelErrors(validate: Validate, data: unknown): AjvError[] {
  try {
    validate.call(data);
    return [];
  } catch (error) {
    const errors = (error as { errors?: AjvError[] }).errors;
    if (!errors) throw error;
    return errors;
  }
}

// "/spec/template/spec/containers/0/name" -> "spec.template.spec.containers[0].name" (and the value there)
function fromPointer(root: unknown, pointer: string): [string, unknown] {
  let at = '';
  let value = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    at = Array.isArray(value) ? `${at}[${key}]` : field(at, key);
    value = (value as Record<string, unknown> | undefined)?.[key];
  }
  return [at, value];
}

// One message per path: anyOf/oneOf (IntOrString, quantity) yield one error per branch.
function addModelErrors(obj: unknown, errors: AjvError[], out: Problems): void {
  const explained = [...out.keys()];
  const byPath = new Map<string, { value: unknown; errors: AjvError[] }>();
  for (const e of errors) {
    let [at, value] = fromPointer(obj, e.instancePath);
    const child = e.params.missingProperty ?? e.params.additionalProperty;
    if (typeof child === 'string') [at, value] = [field(at, child), undefined];
    // Already reported by the version-specific walk, at this path or above it.
    if (explained.some((p) => at === p || at.startsWith(`${p}.`) || at.startsWith(`${p}[`))) continue;
    const entry = byPath.get(at) ?? { value, errors: [] };
    entry.errors.push(e);
    byPath.set(at, entry);
  }
  for (const [at, { value, errors: errs }] of byPath) {
    const specific = errs.find((e) => !['type', 'oneOf', 'anyOf'].includes(e.keyword));
    const types = errs.filter((e) => e.keyword === 'type').map((e) => e.params.type);
    let message: string;
    if (specific?.keyword === 'required') message = 'required field missing';
    else if (specific?.keyword === 'additionalProperties') message = 'unknown field';
    else if (specific?.keyword === 'enum') {
      message = `expected one of ${(specific.params.allowedValues as unknown[]).join(', ')}, got ${JSON.stringify(value)}`;
    }
    else if (specific) message = specific.message ?? specific.keyword;
    else if (types.length) message = `expected ${types.join(' or ')}, got ${typeOf(value)}`;
    else message = errs[0]!.message ?? errs[0]!.keyword;
    report(out, at, message);
  }
}

// ---------------------------------------------------------------------------------------
// CRDs: strict unknown-field checks through the compiled validators
//
// The packages ship ajv-compiled code, not JSON schemas. That code reads every property its
// schema declares (`void 0!==data.spec&&...`) and enumerates the keys of maps
// (additionalProperties). So the data is wrapped in proxies recording reads: a key never read
// on an object the validator looked into is unknown. An object the validator never looked
// into (free-form / x-kubernetes-preserve-unknown-fields, or its parent was already wrong) and
// an enumerated object (a map) are not judged.

type Reads = { keys: Set<string>; enumerated: boolean };

function strictModelErrors(validate: Validate, original: unknown, out: Problems): AjvError[] {
  // A copy: a Proxy may not hand out wrapped values for a frozen object's properties.
  const obj = structuredClone(original);
  const reads = new Map<object, Reads>();
  const proxies = new WeakMap<object, unknown>();
  const wrap = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    if (!proxies.has(value)) {
      const r: Reads = { keys: new Set(), enumerated: false };
      reads.set(value, r);
      const note = (key: string | symbol) => typeof key === 'string' && r.keys.add(key);
      proxies.set(
        value,
        new Proxy(value, {
          get: (target, key) => (note(key), wrap(Reflect.get(target, key))),
          has: (target, key) => (note(key), Reflect.has(target, key)),
          ownKeys: (target) => ((r.enumerated = true), Reflect.ownKeys(target)),
        }),
      );
    }
    return proxies.get(value);
  };
  const errors = modelErrors(validate, wrap(obj));

  const untouched = (value: unknown, at: string): void => {
    if (Array.isArray(value)) return value.forEach((item, i) => untouched(item, `${at}[${i}]`));
    const r = isObject(value) ? reads.get(value) : undefined;
    if (!r || (!r.enumerated && r.keys.size === 0)) return;
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (r.enumerated || r.keys.has(key)) untouched(item, field(at, key));
      else report(out, field(at, key), 'unknown field');
    }
  };
  untouched(obj, '');
  return errors;
}

// ---------------------------------------------------------------------------------------

/** Problems of one rendered object under the given Kubernetes version; [] when valid. */
export function validateManifest(obj: unknown, kubeVersion: KubeVersion): string[] {
  if (!isObject(obj)) return [`manifest: expected an object, got ${typeOf(obj)}`];
  const { apiVersion, kind, metadata } = obj;
  const name = isObject(metadata) && typeof metadata.name === 'string' ? metadata.name : '<unnamed>';
  const label = `${typeof kind === 'string' ? kind : '<no kind>'}/${name}`;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return [`${label}: apiVersion and kind must be strings`];

  const unknown = [`${label}: unknown apiVersion/kind ${apiVersion} ${kind}: not served by Kubernetes ${kubeVersion} and not a supported CRD`];
  // Checked before group, version and kind become parts of file paths.
  const parts = /^(?:([a-z0-9.-]+)\/)?(v\d+(?:(?:alpha|beta)\d+)?)$/.exec(apiVersion);
  if (!parts || !/^[A-Z]\w*$/.test(kind)) return unknown;
  const group = parts[1] ?? '';
  const version = parts[2]!;

  const out: Problems = new Map();
  const crdPackage = CRD_PACKAGES.get(group);
  if (crdPackage) {
    const validate = modelValidator(crdPackage, group, version, kind);
    if (!validate) return unknown;
    addModelErrors(obj, strictModelErrors(validate, obj, out), out);
  } else {
    const c = client(kubeVersion);
    const rootClass = c.rootClass(group, version, kind);
    if (!rootClass) return unknown;
    walk(c, obj, rootClass, '', out);
    // Kinds this kubernetes-models release no longer has (alpha APIs of old versions) get the walk only.
    const validate = modelValidator('kubernetes-models', group, version, kind);
    if (validate) addModelErrors(obj, modelErrors(validate, obj), out);
  }
  return [...out].map(([at, message]) => (at ? `${label}: ${at}: ${message}` : `${label}: ${message}`));
}
