import { isObject, ownEntries } from '../openapi/json';
import { deref } from '../openapi/refs';
import { describeWebhook } from '../openapi/webhook-operations';
import { spectralFunction, type CheckContext, type IFunctionResult } from './context';
import { DOCUMENT_INPUT, producerScope } from './producer';

const SUCCESS = /^2(\d\d|xx)$/i;
const REDIRECT = /^3(\d\d|xx)$/i;

/** A webhook documents the 2xx that acknowledges a delivery, and no 3xx: deliveries do not follow redirects. */
export function checkSuccessResponse(_root: unknown, _options: null, context: CheckContext): IFunctionResult[] {
  const scope = producerScope(context);
  const results: IFunctionResult[] = [];
  for (const item of scope.checked) {
    const where = describeWebhook(item);
    const { value: responses, jsonPath } = deref(scope.root, item.operation.responses, [...item.jsonPath, 'responses']);
    const codes = isObject(responses) ? ownEntries(responses).map(([code]) => code) : [];
    if (!codes.some((code) => SUCCESS.test(code))) {
      results.push({
        message: `${where}: no 2xx response; document the status that acknowledges a delivery (e.g. '200' or '204') so consumers know what to return`,
        path: isObject(responses) ? jsonPath : item.jsonPath,
      });
    }
    for (const code of codes.filter((candidate) => REDIRECT.test(candidate))) {
      results.push({
        message: `${where}: response ${code} is a redirect; webhook deliveries do not follow redirects (a 3xx counts as a failed delivery), so remove it`,
        path: [...jsonPath, code],
      });
    }
  }
  return results;
}

export default spectralFunction<null>({ input: DOCUMENT_INPUT, options: null }, checkSuccessResponse);
