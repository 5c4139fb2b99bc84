import type { ChartModel } from '../../model.ts';
import { group, leaf, type ValueNode, type ValueSection } from '../../chart/values-tree.ts';
import { bool, int, pattern, type JsonSchema } from '../../chart/schemas.ts';
import { trafficPeers } from '../../controllers.ts';

/** The part's section of values.yaml. */
export const values = (model: ChartModel): ValueSection[] => [{ title: 'NetworkPolicy', nodes: nodes(model) }];

const peerList: JsonSchema = { type: 'array', items: { type: 'object' } };

const cidr: JsonSchema = { type: 'string', pattern: '^[0-9a-fA-F.:]+/[0-9]{1,3}$' };

function nodes(model: ChartModel): ValueNode[] {
  const listens = model.service.enabled;
  const traffic = trafficPeers(model);
  const controller = model.networkPolicy.ingressController;
  const sourceNotes = traffic.unknown
    ? ['No controller was named, so every namespace may reach the service port ({namespaceSelector: {}}): set the namespace your ingress controller or gateway runs in.']
    : controller
      ? [`The proxies of ${controller} where its install docs put them${model.networkPolicy.ingressNamespace ? `, in ${model.networkPolicy.ingressNamespace} as answered` : ''}.`]
      : [];
  return [
    group('networkPolicy', listens
      ? 'A NetworkPolicy: the pods accept traffic only on the service port, only from the peers below'
      : model.metrics.enabled
        ? 'A NetworkPolicy: the pods accept inbound traffic only for the scrape of the metrics port (metrics.networkPolicy.from)'
        : 'A NetworkPolicy: the pods accept no inbound traffic (they listen on no port)', [
      leaf('enabled', model.networkPolicy.enabled, bool, 'Create the NetworkPolicy (needs a network plugin that enforces it)'),
      ...(listens
        ? [
            leaf('allowSameNamespace', true, bool, 'Admit pods of the release namespace (also the proxies of a Gateway there)'),
            leaf('ingressFrom', traffic.peers, peerList, 'More peers admitted, as NetworkPolicyPeer objects: the ingress controller\'s or gateway\'s proxies', [
              ...sourceNotes,
              'A LoadBalancer or NodePort service.type also admits 0.0.0.0/0 and ::/0: its traffic comes from node and client addresses.',
            ]),
            ...(traffic.ciliumIngress
              ? [leaf('ciliumIngress', true, bool, "A CiliumNetworkPolicy admitting Cilium's reserved ingress identity (fromEntities: [ingress]) on the service port", [
                  "Cilium's Ingress and Gateway proxies carry that identity, which no Kubernetes NetworkPolicy peer matches.",
                ])]
              : []),
          ]
        : []),
      group('egress', 'Outbound traffic', [
        leaf('restrict', false, bool, `Allow only DNS${model.rbac.enabled ? ', the API server' : ''} and the destinations in egress.to (off: all outbound traffic is allowed)`),
        group('dns', 'DNS, always allowed while egress is restricted: kube-dns in kube-system and OpenShift\'s DNS in openshift-dns, on ports 53 and 5353', [
          leaf('nodeLocalAddress', '', { type: 'string', pattern: '^([0-9a-fA-F.:]+)?$' }, "NodeLocal DNSCache's address (e.g. 169.254.20.10) when the pods' resolver points there"),
        ]),
        ...(model.rbac.enabled
          ? [group('apiServer', 'The Kubernetes API server, which the app calls (rbac.rules); its addresses are not known when the chart renders', [
              leaf('cidrs', [], { type: 'array', items: cidr }, 'Its addresses as CIDRs (kubectl get endpointslices -n default -l kubernetes.io/service-name=kubernetes); required while egress is restricted'),
              leaf('ports', [443, 6443], { type: 'array', items: int(1, 65535) }, 'Its ports (the endpoints\' ports, after the kubernetes Service)'),
            ])]
          : []),
        leaf('to', [], { type: 'array', items: { type: 'object' } }, 'Allowed destinations, as NetworkPolicyEgressRule objects; DNS is always allowed'),
      ]),
    ]),
  ];
}
