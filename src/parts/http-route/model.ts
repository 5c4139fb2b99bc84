import type { Answers, ChartModel, ParentRef } from '../../model.ts';
import type { IssuerKind } from '../../answers/choices.ts';
import type { Route } from '../components/model.ts';

/** The route, and the Gateway of the chart (the gateway part) when it creates one. */
export interface HttpRouteModel {
  enabled: boolean;
  hostnames: string[];
  path: string;
  /** More path prefixes, each to a component's Service. */
  routes: Route[];
  parentRefs: ParentRef[];
  gateway: { create: boolean; className: string; issuer: string; issuerKind: IssuerKind };
}

export const model = ({ httpRoute = {} }: Answers): Pick<ChartModel, 'httpRoute'> => ({
  httpRoute: {
    enabled: httpRoute.enabled ?? false,
    hostnames: httpRoute.hostnames ?? [],
    path: httpRoute.path ?? '/',
    routes: httpRoute.routes ?? [],
    parentRefs: httpRoute.parentRefs ?? [],
    gateway: {
      create: httpRoute.gateway?.create ?? false,
      className: httpRoute.gateway?.className ?? '',
      issuer: httpRoute.gateway?.tls?.issuer ?? '',
      issuerKind: httpRoute.gateway?.tls?.issuerKind ?? 'ClusterIssuer',
    },
  },
});
