import type { Answers, ChartModel } from '../../model.ts';
import type { IssuerKind, PathType } from '../../answers/choices.ts';
import type { Route } from '../components/model.ts';

export interface IngressModel {
  enabled: boolean;
  className: string;
  host: string;
  path: string;
  pathType: PathType;
  annotations: Record<string, string>;
  /** More paths, each to a component's Service. */
  routes: Route[];
  tls: { enabled: boolean; issuer: string; issuerKind: IssuerKind };
}

export const model = ({ ingress = {} }: Answers): Pick<ChartModel, 'ingress'> => ({
  ingress: {
    enabled: ingress.enabled ?? false,
    className: ingress.className ?? '',
    host: ingress.host ?? '',
    path: ingress.path ?? '/',
    pathType: ingress.pathType ?? 'Prefix',
    annotations: ingress.annotations ?? {},
    routes: ingress.routes ?? [],
    tls: {
      enabled: ingress.tls?.enabled ?? false,
      issuer: ingress.tls?.issuer ?? '',
      issuerKind: ingress.tls?.issuerKind ?? 'ClusterIssuer',
    },
  },
});
