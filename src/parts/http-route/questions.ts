import type { Answers, IssuerKind, ParentRef } from '../../model.ts';
import { both, type QuestionSession } from '../../prompts.ts';
import { validateRoutePath } from '../../paths.ts';
import { listCheck, splitList, validateHostname, validateHttpPath, validateObjectName } from '../../validators.ts';

const GATEWAYS = ['a shared Gateway the platform owns', "a Gateway of the chart's own"] as const;

/** The HTTPRoute's questions, once the exposure question (src/parts/ingress/questions.ts) chose
 * the Gateway API: `was` is the route answered before, if it was on. */
export async function askHttpRoute(
  { input, optionalInput, select }: QuestionSession,
  was: NonNullable<Answers['httpRoute']>,
  ingressHost: string | undefined,
): Promise<NonNullable<Answers['httpRoute']>> {
  const hostnames = splitList(await input('routeHostnames', 'Host names of the route (comma-separated)', listCheck(validateHostname), was.hostnames?.join(', ') ?? ingressHost));
  const path = await input('routePath', 'Path prefix', both(validateHttpPath, validateRoutePath), was.path ?? '/');
  const gateway = await select('gateway', 'Which Gateway?', GATEWAYS, was.gateway?.create === true ? GATEWAYS[1] : GATEWAYS[0]);
  const { enabled: _, hostnames: __, path: ___, parentRefs: ____, gateway: _____, ...rest } = was;
  if (gateway === GATEWAYS[0]) {
    const first = was.parentRefs?.[0];
    const parentRef: ParentRef = { ...first, name: await input('gatewayName', 'Name of the shared Gateway', validateObjectName, first?.name) };
    delete parentRef.namespace;
    delete parentRef.sectionName;
    const namespace = await optionalInput('gatewayNamespace', 'Its namespace (empty for the release namespace)', validateObjectName, first?.namespace);
    if (namespace) parentRef.namespace = namespace;
    const section = await optionalInput('gatewaySection', 'Its listener (sectionName; empty for all)', validateObjectName, first?.sectionName);
    if (section) parentRef.sectionName = section;
    return { ...rest, enabled: true, hostnames, path, parentRefs: [parentRef, ...(was.parentRefs?.slice(1) ?? [])] };
  }
  return {
    ...rest,
    enabled: true,
    hostnames,
    path,
    gateway: {
      ...was.gateway,
      create: true,
      className: await input('gatewayClass', 'GatewayClass of the new Gateway (e.g. istio, cilium)', validateObjectName, was.gateway?.className),
      tls: {
        issuer: await input('gatewayIssuer', 'cert-manager issuer of its certificates', validateObjectName, was.gateway?.tls?.issuer ?? 'letsencrypt-prod'),
        issuerKind: (await select('gatewayIssuerKind', 'Issuer kind', ['ClusterIssuer', 'Issuer'], was.gateway?.tls?.issuerKind ?? 'ClusterIssuer')) as IssuerKind,
      },
    },
  };
}
