/** Small OpenAPI documents for CLI scenarios, as the YAML a user would write. Line numbers matter to the tests. */

/** Follows the guideline: lints clean. */
export const CLEAN = `openapi: 3.1.0
info:
  title: Clean
  version: 1.0.0
servers:
  - url: https://api.example.com
security:
  - webhookSecret: []
paths:
  /_webhooks/stripe/payment-succeeded:
    post:
      x-internal: true
      responses:
        '204':
          description: Received
components:
  securitySchemes:
    webhookSecret:
      type: apiKey
      in: header
      name: X-Webhook-Secret
`;

/** One error (webhook-path-prefix on line 10, paths./hooks/stripe) and one warning (webhook-method-post on line 17). */
export const ERROR_AND_WARNING = `openapi: 3.1.0
info:
  title: Broken
  version: 1.0.0
servers:
  - url: https://api.example.com
security:
  - webhookSecret: []
paths:
  /hooks/stripe:
    post:
      x-internal: true
      responses:
        '204':
          description: Received
  /_webhooks/meta/verify:
    get:
      x-internal: true
      responses:
        '200':
          description: Challenge echoed
components:
  securitySchemes:
    webhookSecret:
      type: apiKey
      in: header
      name: X-Webhook-Secret
`;

/** Only the warning (webhook-method-post on line 11). */
export const WARNING_ONLY = `openapi: 3.1.0
info:
  title: Warning only
  version: 1.0.0
servers:
  - url: https://api.example.com
security:
  - webhookSecret: []
paths:
  /_webhooks/meta/verify:
    get:
      x-internal: true
      responses:
        '200':
          description: Challenge echoed
components:
  securitySchemes:
    webhookSecret:
      type: apiKey
      in: header
      name: X-Webhook-Secret
`;

/** Valid YAML that is not OpenAPI (a docker-compose file, say). */
export const NOT_OPENAPI = `services:
  web:
    image: nginx
`;
