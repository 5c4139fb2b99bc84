import { choice, object, optional, text, Type } from '../../answers/fields.ts';
import { EMAIL } from '../../validators.ts';

export const acmeIssuerAnswers = {
  acmeIssuer: optional(
    object(
      {
        email: text(EMAIL, 'Contact e-mail of the ACME account'),
        server: optional(
          Type.String({
            pattern: '^https://[^\\s]+$',
            description: "ACME directory URL (default: Let's Encrypt production)",
            'x-message': 'must be an https:// URL',
          }),
        ),
        kind: optional(choice(['Issuer', 'ClusterIssuer'], 'A namespaced Issuer (default), or a ClusterIssuer named per release')),
      },
      "An ACME issuer of the chart's own (HTTP-01), for TLS that names no issuer",
    ),
  ),
};
