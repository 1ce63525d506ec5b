import { Spectral, type RulesetDefinition } from '@stoplight/spectral-core';
import { describe, expect, it } from 'vitest';
import ruleset from '../../rules';

/** A rule re-declared with options, as a JS ruleset does (docs/rules/webhook-path-prefix.md#options). */
function withPrefixOptions(functionOptions: unknown): RulesetDefinition {
  const prefix = ruleset.rules['webhook-path-prefix'];
  return {
    extends: [[ruleset as RulesetDefinition, 'off']],
    rules: { 'webhook-path-prefix': { ...prefix, then: { ...(prefix.then as object), functionOptions } } as never },
  } as RulesetDefinition;
}

/** Every message of what loading threw: Spectral reports option errors as (nested) AggregateErrors. */
function loadErrors(definition: RulesetDefinition): string[] {
  const messages = (error: unknown): string[] =>
    error instanceof AggregateError ? error.errors.flatMap(messages) : [error instanceof Error ? error.message : String(error)];
  try {
    new Spectral().setRuleset(definition);
  } catch (error) {
    return messages(error);
  }
  return [];
}

describe('function options are checked when the ruleset loads', () => {
  it('accepts the documented options', () => {
    expect(loadErrors(withPrefixOptions({ receiverWords: ['notify'], managementWords: ['registrations'], exemptPaths: ['^/internal/'] }))).toEqual([]);
  });

  it('names the function and the unknown option', () => {
    expect(loadErrors(withPrefixOptions({ receiverWord: ['notify'] }))).toEqual(['"webhookPathPrefix" function does not support "receiverWord" option']);
  });

  it('rejects an exempt path that is not a regular expression', () => {
    expect(loadErrors(withPrefixOptions({ exemptPaths: ['(unclosed'] }))).toEqual(['must match format "regex"']);
  });
});
