import { isObject, ownValue } from '../openapi/json';
import { isEmptySchema, jsonPayloads, requestBodyOf } from '../openapi/payload';
import { describeWebhook } from '../openapi/webhook-operations';
import { spectralFunction, type CheckContext, type IFunctionResult } from './context';
import { DOCUMENT_INPUT, producerScope } from './producer';

/**
 * A webhook's payload is a request body with a JSON media type whose schema says something. The body's `required`
 * flag is not checked: real descriptions (Adyen, OpenAI, Svix, Apideck) leave it out on every webhook, and a producer
 * never sends an event without its body, so reporting it would bury the findings that matter.
 */
export function checkPayloadSchema(_root: unknown, _options: null, context: CheckContext): IFunctionResult[] {
  const scope = producerScope(context);
  const results: IFunctionResult[] = [];
  for (const item of scope.checked) {
    const where = describeWebhook(item);
    const body = requestBodyOf(scope.root, item.operation, item.jsonPath);
    if (!body) {
      results.push({ message: `${where}: no request body; document the payload as a required JSON request body with a schema`, path: item.jsonPath });
      continue;
    }
    const payloads = jsonPayloads(scope.root, body);
    if (payloads.length === 0) {
      const content = ownValue(body.requestBody, 'content');
      const types = isObject(content) ? Object.keys(content) : [];
      const found = types.length > 0 ? ` (found ${types.join(', ')})` : '';
      results.push({
        message: `${where}: the request body has no JSON media type${found}; describe the payload as application/json or a +json type`,
        path: isObject(content) ? [...body.jsonPath, 'content'] : body.jsonPath,
      });
      continue;
    }
    for (const payload of payloads) {
      if (!isEmptySchema(payload.schema)) continue;
      const hasSchema = ownValue(payload.mediaTypeObject, 'schema') !== undefined;
      results.push({
        message: `${where}: the ${payload.mediaType} payload has ${hasSchema ? 'an empty schema' : 'no schema'}; describe its properties so consumers can validate and generate types`,
        path: hasSchema ? [...payload.jsonPath, 'schema'] : payload.jsonPath,
      });
    }
  }
  return results;
}

export default spectralFunction<null>({ input: DOCUMENT_INPUT, options: null }, checkPayloadSchema);
