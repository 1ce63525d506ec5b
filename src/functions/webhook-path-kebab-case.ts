import { consumerPathItems } from '../openapi/operations';
import { isKebabCase, isTemplated, pathSegments, toKebabCase, WEBHOOKS_SEGMENT } from '../openapi/paths';
import { PATHS_INPUT, ruleScope, spectralFunction, type CheckContext, type IFunctionResult } from './context';

/** The path with every literal segment after `_webhooks` in kebab-case (templated segments are left as they are). */
export function kebabCaseConsumerPath(path: string): string {
  const segments = pathSegments(path);
  const start = segments.indexOf(WEBHOOKS_SEGMENT) + 1;
  const fixed = segments.map((segment, index) =>
    index < start || isTemplated(segment) || isKebabCase(segment) ? segment : toKebabCase(segment) || segment,
  );
  return '/' + fixed.join('/') + (path.endsWith('/') && segments.length > 0 ? '/' : '');
}

export function checkWebhookPathKebabCase(paths: unknown, _options: null, context: CheckContext): IFunctionResult[] {
  const scope = ruleScope(context);
  const results: IFunctionResult[] = [];
  for (const item of consumerPathItems(paths, context.path)) {
    if (scope.ignoresPath(item.pathKey)) continue;
    const segments = pathSegments(item.pathKey);
    const offending = segments
      .slice(segments.indexOf(WEBHOOKS_SEGMENT) + 1)
      // An empty segment (`/_webhooks//`) is webhook-path-identifier's finding, not a casing problem.
      .filter((segment) => segment !== '' && !isTemplated(segment) && !isKebabCase(segment));
    if (offending.length === 0) continue;
    const names = offending.map((segment) => `"${segment}"`).join(', ');
    const noun = offending.length === 1 ? 'segment' : 'segments';
    results.push({
      message: `"${item.pathKey}": ${noun} ${names} after /_webhooks/ must be kebab-case; use ${kebabCaseConsumerPath(item.pathKey)}`,
      path: item.jsonPath,
    });
  }
  return results;
}

export default spectralFunction<null>({ input: PATHS_INPUT, options: null }, checkWebhookPathKebabCase);
