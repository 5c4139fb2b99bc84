// URL paths as the API server checks them, so a path it would refuse is refused here, with the
// field named, instead of failing at `helm install`. The Ingress rules are those of Kubernetes'
// Ingress validation (pkg/apis/networking/validation); the HTTPRoute rules are the CEL rules of
// the Gateway API's HTTPPathMatch (types Exact and PathPrefix). The chart's templates check the
// same rules on the paths set in values (the helper "<name>.checkPath").

/** Sequences neither API accepts in an Exact or Prefix path. */
export const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'] as const;
export const INVALID_PATH_SUFFIXES = ['/..', '/.'] as const;
/** The characters of a Gateway API path: RFC 3986 pchar and "/", or a percent-encoded octet. */
export const ROUTE_PATH_CHARACTERS = "^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$";
export const ROUTE_PATH_MAX_LENGTH = 1024;

function sequenceProblems(path: string, extra: readonly string[] = []): string | true {
  if (!path.startsWith('/')) return 'must start with "/"';
  for (const sequence of [...INVALID_PATH_SEQUENCES, ...extra]) {
    if (path.includes(sequence)) return `must not contain '${sequence}' (the API server refuses it)`;
  }
  for (const suffix of INVALID_PATH_SUFFIXES) {
    if (path.endsWith(suffix)) return `must not end with '${suffix}' (the API server refuses it)`;
  }
  return true;
}

/** An Ingress path: absolute; for pathType Prefix and Exact also free of the sequences above. */
export function validateIngressPath(path: string, pathType = 'Prefix'): true | string {
  if (pathType === 'ImplementationSpecific') return path.startsWith('/') ? true : 'must start with "/"';
  return sequenceProblems(path);
}

/** An HTTPRoute path of type PathPrefix or Exact. */
export function validateRoutePath(path: string): true | string {
  if (path.length > ROUTE_PATH_MAX_LENGTH) return `must be at most ${ROUTE_PATH_MAX_LENGTH} characters`;
  const sequences = sequenceProblems(path, ['#']);
  if (sequences !== true) return sequences;
  if (!new RegExp(ROUTE_PATH_CHARACTERS).test(path)) {
    return "must hold only the characters a Gateway API path admits (letters, digits, -._~!$&'()*+,;=:@/ and %XX; no ? or #)";
  }
  return true;
}
