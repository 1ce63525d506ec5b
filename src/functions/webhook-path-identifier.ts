import { consumerPathItems } from '../openapi/operations';
import { pathSegments, segmentsAfterWebhooks, WEBHOOKS_SEGMENT } from '../openapi/paths';
import { PATHS_INPUT, ruleScope, spectralFunction, type CheckContext, type IFunctionResult } from './context';

export function checkWebhookPathIdentifier(paths: unknown, _options: null, context: CheckContext): IFunctionResult[] {
  const scope = ruleScope(context);
  const results: IFunctionResult[] = [];
  for (const item of consumerPathItems(paths, context.path)) {
    if (scope.ignoresPath(item.pathKey)) continue;
    // An empty segment (`/_webhooks//`) names nothing.
    if (segmentsAfterWebhooks(item.pathKey).some((segment) => segment !== '')) continue;
    const prefix = pathSegments(item.pathKey);
    const example = '/' + [...prefix.slice(0, prefix.indexOf(WEBHOOKS_SEGMENT) + 1), 'sendgrid'].join('/');
    results.push({
      message: `"${item.pathKey}" has no identifier after /_webhooks/; name the producer (e.g. ${example})`,
      path: item.jsonPath,
    });
  }
  return results;
}

export default spectralFunction<null>({ input: PATHS_INPUT, options: null }, checkWebhookPathIdentifier);
