import { headerParameters } from '../openapi/parameters';
import { describeWebhook } from '../openapi/webhook-operations';
import { spectralFunction, type CheckContext, type IFunctionResult } from './context';
import { DOCUMENT_INPUT, producerScope } from './producer';

/** Standard Webhooks v1 metadata headers, in the order the specification lists them. */
export const STANDARD_WEBHOOKS_HEADERS = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const;

/** Each webhook declares the three Standard Webhooks headers as required header parameters. */
export function checkStandardWebhooksHeaders(_root: unknown, _options: null, context: CheckContext): IFunctionResult[] {
  const scope = producerScope(context);
  const results: IFunctionResult[] = [];
  for (const item of scope.checked) {
    const where = describeWebhook(item);
    const byName = new Map(headerParameters(scope.root, item.pathItem, item.pathItemPath, item.operation, item.jsonPath).map((header) => [header.name.toLowerCase(), header]));
    const missing = STANDARD_WEBHOOKS_HEADERS.filter((name) => !byName.has(name));
    if (missing.length > 0) {
      const list = missing.join(', ');
      results.push({ message:
          missing.length > 1
            ? `${where}: Standard Webhooks requires the ${list} headers; add them as required header parameters`
            : `${where}: Standard Webhooks requires the ${list} header; add it as a required header parameter`, path: item.jsonPath });
    }
    for (const name of STANDARD_WEBHOOKS_HEADERS) {
      const header = byName.get(name);
      if (header && !header.required) {
        results.push({ message: `${where}: Standard Webhooks sends ${name} with every delivery; mark the header required: true`, path: header.jsonPath });
      }
    }
  }
  return results;
}

export default spectralFunction<null>({ input: DOCUMENT_INPUT, options: null }, checkStandardWebhooksHeaders);
