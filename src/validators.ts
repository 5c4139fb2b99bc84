// Plain checks shared by the interactive questions and the answers file: each returns true or a
// message saying what is allowed. The answers schema (answers-schema.ts) uses the same patterns
// and messages, so a value rejected in one place is rejected with the same words in the other.

export type Check = (value: string) => true | string;

/** A Kubernetes DNS-1123 label that starts with a letter (Service names need that). */
export const CHART_NAME = {
  pattern: '^[a-z]([-a-z0-9]*[a-z0-9])?$',
  maxLength: 53,
  message: "must be a lowercase DNS-1123 label: a-z, 0-9 and '-', starting with a letter, at most 53 characters",
};

/** A component's name: a DNS-1123 label short enough that every name the chart gives its objects
 * (<fullname>-<component>-headless, a CronJob's 52 characters) keeps some of the release's name. */
export const COMPONENT_NAME = {
  pattern: '^[a-z]([-a-z0-9]*[a-z0-9])?$',
  maxLength: 30,
  message: "must be a lowercase DNS-1123 label: a-z, 0-9 and '-', starting with a letter, at most 30 characters",
};

/** An image repository without tag or digest: [host[:port]/]path, path components lowercase. */
export const IMAGE_REPOSITORY = {
  pattern:
    // A registry host is the first component only if it has a dot or is localhost, as Docker reads it.
    '^(?:(?:localhost|[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)+)(?::[0-9]+)?/)?' +
    '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$',
  message: 'must be an image repository such as ghcr.io/acme/app, without a tag or digest',
};

/** A pinned tag: Docker's tag grammar, and never "latest" (a moving target). The pattern is
 * RE2-compatible (Helm checks values.schema.json with Go's regexp), so "latest" is refused apart. */
export const IMAGE_TAG = {
  pattern: '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$',
  forbidden: ['latest'],
  message: 'must be a pinned tag such as 1.4.2 (letters, digits, ".", "_", "-"), never "latest"',
};

export const IMAGE_DIGEST = {
  pattern: '^sha256:[a-f0-9]{64}$',
  message: 'must be sha256: followed by 64 lowercase hex digits',
};

/** A name usable as an environment variable, so secret keys can be injected with secretKeyRef. */
export const ENV_VAR_NAME = {
  pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
  message: 'must be an environment variable name: letters, digits and "_", not starting with a digit',
};

/** A ConfigMap key. */
export const CONFIG_KEY = {
  pattern: '^[-._a-zA-Z0-9]+$',
  maxLength: 253,
  message: 'must be a ConfigMap key: letters, digits, "-", "_" and "."',
};

/** A DNS host name for Ingress rules and certificates; a leading "*." wildcard is allowed. */
export const HOSTNAME = {
  pattern: '^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$',
  maxLength: 253,
  message: 'must be a lowercase DNS name such as shop.example.com (a leading "*." is allowed)',
};

/** A DNS-1123 subdomain: names of IngressClasses, issuers and other objects. */
export const OBJECT_NAME = {
  pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$',
  maxLength: 253,
  message: 'must be a Kubernetes object name: lowercase letters, digits, "-" and "."',
};

export const HTTP_PATH = {
  pattern: '^/[^\\s]*$',
  message: 'must be an absolute URL path starting with "/"',
};

/** An absolute path in the container for a volume mount. */
export const ABSOLUTE_PATH = {
  pattern: '^/[^\\s:]*$',
  message: 'must be an absolute path such as /etc/app, without spaces or ":"',
};

/** A Kubernetes quantity such as 10Gi or 500M. */
export const QUANTITY = {
  pattern: '^([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+|[numkMGTPE]|[KMGTPE]i)?$',
  message: 'must be a quantity such as 10Gi, 500Mi or 1G',
};

/** A namespace name: a DNS-1123 label. */
export const NAMESPACE = {
  pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
  maxLength: 63,
  message: 'must be a namespace name: lowercase letters, digits and "-"',
};

/** A name part of the chart's objects (nameOverride, fullnameOverride): a DNS label, as a Service's
 * name must be, so it never carries YAML or a template of its own into a manifest. */
export const NAME_OVERRIDE = {
  pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
  maxLength: 63,
  message: 'must be a DNS label: lowercase letters, digits and "-", at most 63',
};

/** An e-mail address, as an ACME account's contact. */
export const EMAIL = {
  pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
  message: 'must be an e-mail address',
};

/** RBAC rule parts, never the wildcard "*": least privilege. */
export const API_GROUP = {
  pattern: '^[a-z0-9.]*$',
  message: 'must be an API group such as "", apps or batch; never *',
};
export const API_RESOURCE = {
  pattern: '^[a-z][a-z0-9]*(/[a-z]+)?$',
  message: 'must be a resource such as configmaps or pods/log; never *',
};
export const RBAC_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'];

/** A Kubernetes annotation key: an optional DNS prefix and "/", then a name. */
export const ANNOTATION_KEY = {
  pattern: '^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$',
  message: 'must be an annotation key such as example.com/name',
};

interface PatternRule {
  pattern: string;
  message: string;
  maxLength?: number;
  forbidden?: string[];
}

function patternCheck(rule: PatternRule): Check {
  const regex = new RegExp(rule.pattern);
  return (value) =>
    regex.test(value) &&
    (rule.maxLength === undefined || value.length <= rule.maxLength) &&
    !rule.forbidden?.includes(value)
      ? true
      : rule.message;
}

export const validateChartName = patternCheck(CHART_NAME);
export const validateImageRepository = patternCheck(IMAGE_REPOSITORY);
export const validateImageTag = patternCheck(IMAGE_TAG);
export const validateImageDigest = patternCheck(IMAGE_DIGEST);
export const validateEnvVarName = patternCheck(ENV_VAR_NAME);
export const validateConfigKey = patternCheck(CONFIG_KEY);
export const validateHostname = patternCheck(HOSTNAME);
export const validateObjectName = patternCheck(OBJECT_NAME);
export const validateHttpPath = patternCheck(HTTP_PATH);
export const validateAnnotationKey = patternCheck(ANNOTATION_KEY);
export const validateAbsolutePath = patternCheck(ABSOLUTE_PATH);
export const validateQuantity = patternCheck(QUANTITY);

/** An image as pasted: `repository[:tag][@digest]`. The tag is what follows the last ":" after
 * the last "/", so a registry port (`localhost:5000/app`) stays part of the repository. */
export function splitImageReference(value: string): { repository: string; tag?: string; digest?: string } {
  let repository = value.trim();
  let digest: string | undefined;
  const at = repository.indexOf('@');
  if (at >= 0) [repository, digest] = [repository.slice(0, at), repository.slice(at + 1)];
  let tag: string | undefined;
  const colon = repository.lastIndexOf(':');
  if (colon > repository.lastIndexOf('/')) [repository, tag] = [repository.slice(0, colon), repository.slice(colon + 1)];
  return { repository, ...(tag === undefined ? {} : { tag }), ...(digest === undefined ? {} : { digest }) };
}

/** A repository, or a whole image reference whose tag and digest are checked as the answers are. */
export const validateImageReference: Check = (value) => {
  const { repository, tag, digest } = splitImageReference(value);
  if (validateImageRepository(repository) !== true) {
    return 'must be an image repository such as ghcr.io/acme/app, or with its tag: ghcr.io/acme/app:1.4.2';
  }
  const tagCheck = tag === undefined ? true : validateImageTag(tag);
  if (tagCheck !== true) return `its tag "${tag}" ${tagCheck}`;
  const digestCheck = digest === undefined ? true : validateImageDigest(digest);
  return digestCheck === true ? true : `its digest "${digest}" ${digestCheck}`;
};

/** A whole number within bounds, as typed at a prompt. */
export function integerCheck(min: number, max: number): Check {
  return (value) => {
    const number = Number(value);
    return /^\s*\d+\s*$/.test(value) && number >= min && number <= max
      ? true
      : `must be a whole number from ${min} to ${max}`;
  };
}

export const validatePort = integerCheck(1, 65535);

/** A comma-separated list where every item passes `check` and none repeats. */
export function listCheck(check: Check): Check {
  return (value) => {
    const items = splitList(value);
    for (const item of items) {
      const result = check(item);
      if (result !== true) return `"${item}" ${result}`;
    }
    return new Set(items).size === items.length ? true : 'must not repeat a name';
  };
}

export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
