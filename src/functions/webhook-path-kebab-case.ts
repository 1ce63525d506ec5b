import { FixRefusal, type RuleFix } from './fix-api';
import { renamePathItem } from './fix-rename';
import { consumerPathItems } from '../openapi/operations';
import { isKebabCase, isTemplated, pathSegments, toKebabCase, unspellableCharacters, WEBHOOKS_SEGMENT } from '../openapi/paths';
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

/** Characters of the path's segments after `_webhooks` that no kebab-case spelling can hold (`😀`): a person renames those. */
export function unspellableInConsumerPath(path: string): string[] {
  const segments = pathSegments(path);
  const after = segments.slice(segments.indexOf(WEBHOOKS_SEGMENT) + 1).filter((segment) => !isTemplated(segment) && !isKebabCase(segment));
  return [...new Set(after.flatMap(unspellableCharacters))];
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
    const unspellable = unspellableInConsumerPath(item.pathKey);
    const advice =
      unspellable.length > 0
        ? `${unspellable.map((character) => `"${character}"`).join(', ')} cannot be spelt in kebab-case (rename it by hand)`
        : `use ${kebabCaseConsumerPath(item.pathKey)}`;
    results.push({
      message: `"${item.pathKey}": ${noun} ${names} after /_webhooks/ must be kebab-case; ${advice}`,
      path: item.jsonPath,
    });
  }
  return results;
}

export default spectralFunction<null>({ input: PATHS_INPUT, options: null }, checkWebhookPathKebabCase);

/** Its fix: the path renamed to its kebab-case form (the one the message names). */
export const fixWebhookPathKebabCase: RuleFix = (finding, context) =>
  renamePathItem(finding, context, (pathKey) => {
    // Refused rather than renamed with characters dropped: the producer calls the path it was given.
    const unspellable = unspellableInConsumerPath(pathKey);
    if (unspellable.length > 0) {
      throw new FixRefusal(`"${pathKey}" holds ${unspellable.map((character) => `"${character}"`).join(', ')}, which kebab-case cannot spell; rename it by hand`);
    }
    return kebabCaseConsumerPath(pathKey);
  });
