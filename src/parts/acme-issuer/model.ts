import type { Answers, ChartModel } from '../../model.ts';
import type { IssuerKind } from '../../answers/choices.ts';

export const LETS_ENCRYPT = 'https://acme-v02.api.letsencrypt.org/directory';

/** An ACME issuer of the chart's own, used where TLS names no issuer. */
export interface AcmeIssuerModel {
  enabled: boolean;
  email: string;
  server: string;
  kind: IssuerKind;
}

export const model = ({ acmeIssuer }: Answers): Pick<ChartModel, 'acmeIssuer'> => ({
  acmeIssuer: {
    enabled: acmeIssuer !== undefined,
    email: acmeIssuer?.email ?? '',
    server: acmeIssuer?.server ?? LETS_ENCRYPT,
    kind: acmeIssuer?.kind ?? 'Issuer',
  },
});
