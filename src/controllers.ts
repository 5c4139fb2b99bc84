// Where the traffic of an Ingress or a Gateway comes from: the namespace where each controller's
// proxies run by default, from each project's own install docs. The NetworkPolicy admits that
// source, never a guessed namespace. A class name alone says little (`nginx` is ingress-nginx's
// and NGINX Inc's class), so the controller is an answer of its own; without it, or without
// networkPolicy.ingressFrom or ingressNamespace, the service port is open to every namespace and
// the generation warns.
import type { ChartModel, NetworkPolicyPeer } from './model.ts';

/** Where a controller's proxies send traffic from. */
export type TrafficSource =
  /** A fixed namespace (its install docs' default; networkPolicy.ingressNamespace overrides it). */
  | { namespace: string }
  /** The Gateway's own namespace: the controller provisions the proxies beside each Gateway. */
  | { gatewayNamespace: true }
  /** Cilium's reserved `ingress` identity, which no Kubernetes NetworkPolicy peer matches. */
  | { ciliumIngress: true };

export interface IngressController {
  /** For the chart's Ingress; none: the controller serves no Ingress objects. */
  ingress?: TrafficSource;
  /** For the chart's HTTPRoute (its Gateway); none: the controller implements no Gateway API. */
  gateway?: TrafficSource;
  /** Said in the question and the README. */
  title: string;
}

const gatewayNamespace = { gatewayNamespace: true } as const;
const cilium = { ciliumIngress: true } as const;

export const INGRESS_CONTROLLERS = {
  'ingress-nginx': { title: 'ingress-nginx (Kubernetes project)', ingress: { namespace: 'ingress-nginx' } },
  'nginx-ingress': { title: "NGINX Ingress Controller (NGINX Inc's, also class nginx)", ingress: { namespace: 'nginx-ingress' } },
  traefik: { title: 'Traefik (on k3s: set ingressNamespace kube-system)', ingress: { namespace: 'traefik' }, gateway: { namespace: 'traefik' } },
  haproxy: { title: 'HAProxy Kubernetes Ingress Controller', ingress: { namespace: 'haproxy-controller' }, gateway: { namespace: 'haproxy-controller' } },
  contour: { title: "Contour (Gateways from its provisioner run in the Gateway's namespace)", ingress: { namespace: 'projectcontour' }, gateway: gatewayNamespace },
  kong: { title: 'Kong Ingress Controller', ingress: { namespace: 'kong' }, gateway: { namespace: 'kong' } },
  istio: { title: "Istio (istio-ingressgateway; Gateway API Gateways in the Gateway's namespace)", ingress: { namespace: 'istio-system' }, gateway: gatewayNamespace },
  'envoy-gateway': { title: 'Envoy Gateway (in namespace mode: set ingressNamespace to the Gateway\'s)', gateway: { namespace: 'envoy-gateway-system' } },
  'nginx-gateway-fabric': { title: "NGINX Gateway Fabric 2.x (in the Gateway's namespace)", gateway: gatewayNamespace },
  cilium: { title: 'Cilium (a CiliumNetworkPolicy admits its ingress identity)', ingress: cilium, gateway: cilium },
} as const satisfies Record<string, IngressController>;

export type IngressControllerName = keyof typeof INGRESS_CONTROLLERS;
export const INGRESS_CONTROLLER_NAMES = Object.keys(INGRESS_CONTROLLERS) as IngressControllerName[];

const ALL_NAMESPACES: NetworkPolicyPeer = { namespaceSelector: {} };

export interface TrafficPeers {
  /** The default of networkPolicy.ingressFrom. */
  peers: NetworkPolicyPeer[];
  /** Cilium's ingress identity must be admitted by a CiliumNetworkPolicy. */
  ciliumIngress: boolean;
  /** The answers named no source: every namespace is admitted. */
  unknown: boolean;
}

/** The peers whose proxies forward outside traffic to the pods, from the answers. */
export function trafficPeers(model: ChartModel): TrafficPeers {
  const { networkPolicy, ingress, httpRoute } = model;
  if (networkPolicy.ingressFrom) return { peers: networkPolicy.ingressFrom, ciliumIngress: false, unknown: false };
  const controller: IngressController | undefined = networkPolicy.ingressController ? INGRESS_CONTROLLERS[networkPolicy.ingressController] : undefined;
  const namespaces = new Set<string>();
  let ciliumIngress = false;
  let unknown = false;
  const admit = (source: TrafficSource | undefined, gatewayNamespaces: string[]) => {
    if (networkPolicy.ingressNamespace) namespaces.add(networkPolicy.ingressNamespace);
    else if (!source) unknown = true;
    else if ('namespace' in source) namespaces.add(source.namespace);
    else if ('ciliumIngress' in source) ciliumIngress = true;
    // The release namespace (the chart's own Gateway, a parentRef without a namespace) is
    // admitted by networkPolicy.allowSameNamespace.
    else gatewayNamespaces.forEach((namespace) => namespaces.add(namespace));
  };
  if (ingress.enabled) admit(controller?.ingress, []);
  if (httpRoute.enabled) {
    admit(controller?.gateway, httpRoute.parentRefs.flatMap((ref) => (ref.namespace ? [ref.namespace] : [])));
  }
  const peers: NetworkPolicyPeer[] = [...namespaces].map((namespace) => ({
    namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } },
  }));
  if (unknown) peers.push(ALL_NAMESPACES);
  return { peers, ciliumIngress, unknown };
}

export const UNKNOWN_SOURCE_WARNING =
  'networkPolicy.ingressFrom: the answers do not say which controller sends the Ingress or Gateway traffic, so the NetworkPolicy admits the service port from all namespaces; set networkPolicy.ingressController, networkPolicy.ingressNamespace or networkPolicy.ingressFrom';

/** What the generation tells the user beside the files: at most one line per concern. */
export function generationWarnings(model: ChartModel): string[] {
  if (!model.service.enabled || !model.networkPolicy.enabled) return [];
  return trafficPeers(model).unknown ? [UNKNOWN_SOURCE_WARNING] : [];
}
