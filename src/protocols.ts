// The application protocols a port can say, and how it says them. Istio (and other meshes and
// Gateway API implementations) read a Service port's `appProtocol`, else its name prefix
// (`http-`, `http2-`, `grpc-`, `tcp-`, `tls-`, ...; the bare prefix is a valid name too), and
// `appProtocol` wins where both are set. Without either, Istio sniffs, and a database may be
// proxied as HTTP/1.1. h2c (HTTP/2 without TLS) has Kubernetes' own appProtocol value.

export interface PortProtocol {
  /** The port name: the protocol prefix Istio reads. At most 15 characters (IANA_SVC_NAME). */
  name: string;
  /** The Service port's appProtocol; none for plain HTTP, which keeps the output of old charts. */
  appProtocol?: string;
  /** An Ingress or HTTPRoute can send HTTP to it. */
  http: boolean;
}

export const PORT_PROTOCOLS = {
  http: { name: 'http', http: true },
  http2: { name: 'http2', appProtocol: 'http2', http: true },
  h2c: { name: 'http2', appProtocol: 'kubernetes.io/h2c', http: true },
  grpc: { name: 'grpc', appProtocol: 'grpc', http: true },
  'grpc-web': { name: 'grpc-web', appProtocol: 'grpc-web', http: true },
  https: { name: 'https', appProtocol: 'https', http: true },
  tls: { name: 'tls', appProtocol: 'tls', http: false },
  tcp: { name: 'tcp', appProtocol: 'tcp', http: false },
} as const satisfies Record<string, PortProtocol>;

export type ServiceProtocol = keyof typeof PORT_PROTOCOLS;
export const SERVICE_PROTOCOLS = Object.keys(PORT_PROTOCOLS) as ServiceProtocol[];

export function portProtocol(protocol: ServiceProtocol | undefined): PortProtocol {
  return PORT_PROTOCOLS[protocol ?? 'http'];
}
