// The closed lists the answers choose from. The schema (build time), the model's types and the
// questions (run time) all read them here, so the questions never need the schema's library.
export const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer'] as const;
export const PATH_TYPES = ['Prefix', 'Exact', 'ImplementationSpecific'] as const;
export const PULL_POLICIES = ['IfNotPresent', 'Always', 'Never'] as const;
export const ACCESS_MODES = ['ReadWriteOnce', 'ReadWriteOncePod', 'ReadWriteMany', 'ReadOnlyMany'] as const;
export const PROBE_TYPES = ['http', 'tcp', 'grpc', 'exec'] as const;
export const SECRET_STORE_KINDS = ['ClusterSecretStore', 'SecretStore'] as const;

export type ServiceType = (typeof SERVICE_TYPES)[number];
export type PathType = (typeof PATH_TYPES)[number];
export type PullPolicy = (typeof PULL_POLICIES)[number];
export type AccessMode = (typeof ACCESS_MODES)[number];
export type IssuerKind = 'ClusterIssuer' | 'Issuer';
export type SecretStoreKind = (typeof SECRET_STORE_KINDS)[number];
