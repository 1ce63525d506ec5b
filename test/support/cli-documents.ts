/** Small OpenAPI documents for CLI scenarios, as the YAML a user would write. Line numbers matter to the tests. */

/** A 3.1 document titled `title` over https, with a required, declared API key; `paths` is the YAML under `paths:`. */
function document(title: string, paths: string): string {
  return `openapi: 3.1.0
info:
  title: ${title}
  version: 1.0.0
servers:
  - url: https://api.example.com
security:
  - webhookSecret: []
paths:
${paths}components:
  securitySchemes:
    webhookSecret:
      type: apiKey
      in: header
      name: X-Webhook-Secret
`;
}

/** A compliant internal POST receiver at `pathKey`, as the YAML under `paths:`. */
const postReceiver = (pathKey: string) => `  ${pathKey}:
    post:
      x-internal: true
      responses:
        '204':
          description: Received
`;

/** Meta's GET verification handshake: a receiver that does not use POST. */
const META_VERIFY = `  /_webhooks/meta/verify:
    get:
      x-internal: true
      responses:
        '200':
          description: Challenge echoed
`;

/** Follows the guideline: lints clean. */
export const CLEAN = document('Clean', postReceiver('/_webhooks/stripe/payment-succeeded'));

/** One error (webhook-path-prefix on line 10, paths./hooks/stripe) and one warning (webhook-method-post on line 17). */
export const ERROR_AND_WARNING = document('Broken', postReceiver('/hooks/stripe') + META_VERIFY);

/** Only the warning (webhook-method-post on line 11). */
export const WARNING_ONLY = document('Warning only', META_VERIFY);

/** Valid YAML that is not OpenAPI (a docker-compose file, say). */
export const NOT_OPENAPI = `services:
  web:
    image: nginx
`;
