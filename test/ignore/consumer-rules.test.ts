import { describe, expect, it } from 'vitest';
import { lintWithRule } from '../support/lint-rule';
import { oas3, receiver } from '../support/documents';

/**
 * `x-lint-ignore` for every consumer rule, at every level it is honoured, in every form it takes. Each rule gets a
 * document that breaks it once; the case without an ignore proves the document does break it, so no case below can
 * pass by accident.
 */

type Json = Record<string, unknown>;
type Level = 'root' | 'path item' | 'operation';

interface Violation {
  ruleId: string;
  /** Levels where an ignore suppresses this rule's finding. */
  levels: Level[];
  /** The violating document, with `extra` merged into the root, the path item or the operation. */
  build(extra: Partial<Record<Level, Json>>): Json;
}

const op = (method: string, pathKey: string, operation: Json) => (extra: Partial<Record<Level, Json>>) =>
  oas3({ [pathKey]: { ...extra['path item'], [method]: { ...operation, ...extra.operation } } }, extra.root);

const withoutXInternal = (): Json => {
  const { 'x-internal': _ignored, ...rest } = receiver();
  return rest;
};

const ALL_LEVELS: Level[] = ['root', 'path item', 'operation'];
// Path-key rules report the path item: one operation cannot speak for the whole path, so only root and path item count.
const PATH_LEVELS: Level[] = ['root', 'path item'];

const VIOLATIONS: Violation[] = [
  { ruleId: 'webhook-path-prefix', levels: PATH_LEVELS, build: op('post', '/hooks/legacy-partner', receiver()) },
  { ruleId: 'webhook-path-identifier', levels: PATH_LEVELS, build: op('post', '/_webhooks', receiver()) },
  { ruleId: 'webhook-path-kebab-case', levels: PATH_LEVELS, build: op('post', '/_webhooks/SendGrid', receiver()) },
  { ruleId: 'webhook-method-post', levels: ALL_LEVELS, build: op('get', '/_webhooks/meta', receiver()) },
  { ruleId: 'webhook-x-internal', levels: ALL_LEVELS, build: op('post', '/_webhooks/sendgrid', withoutXInternal()) },
  { ruleId: 'webhook-security', levels: ALL_LEVELS, build: op('post', '/_webhooks/sendgrid', receiver({ security: [] })) },
  {
    ruleId: 'webhook-https',
    levels: ALL_LEVELS,
    build: op('post', '/_webhooks/sendgrid', receiver({ servers: [{ url: 'http://hooks.example.com' }] })),
  },
];

const FORMS: Array<[string, (ruleId: string) => unknown]> = [
  ['a single id', (ruleId) => ruleId],
  ['a list of ids', (ruleId) => ['webhook-some-other-rule', ruleId]],
  ['a map of id to reason', (ruleId) => ({ [ruleId]: 'The producer hard-codes this endpoint' })],
];

const lint = (ruleId: string, document: Json) => lintWithRule(ruleId, { document });

describe('x-lint-ignore on consumer rules', () => {
  describe.each(VIOLATIONS.map((violation) => [violation.ruleId, violation] as const))('%s', (ruleId, violation) => {
    it('reports the document when nothing ignores the rule', async () => {
      const findings = await lint(ruleId, violation.build({}));
      expect(findings.map((finding) => finding.code)).toEqual([ruleId]);
    });

    const cases = violation.levels.flatMap((level) => FORMS.map(([form, value]) => [level, form, value] as const));
    it.each(cases)('on the %s, as %s, suppresses the finding', async (level, _form, value) => {
      expect(await lint(ruleId, violation.build({ [level]: { 'x-lint-ignore': value(ruleId) } }))).toEqual([]);
    });

    it('an ignore naming only another rule suppresses nothing', async () => {
      const findings = await lint(ruleId, violation.build({ operation: { 'x-lint-ignore': ['webhook-other'] }, 'path item': { 'x-lint-ignore': 'webhook-other' } }));
      expect(findings.map((finding) => finding.code)).toEqual([ruleId]);
    });

    if (!violation.levels.includes('operation')) {
      it('on an operation does not suppress a finding about the whole path', async () => {
        const findings = await lint(ruleId, violation.build({ operation: { 'x-lint-ignore': ruleId } }));
        expect(findings.map((finding) => finding.code)).toEqual([ruleId]);
      });
    }
  });
});

describe('x-lint-ignore on a path item behind a $ref in another file', () => {
  it('is honoured where the path item lives', async () => {
    const findings = await lintWithRule('webhook-method-post', {
      document: `openapi: 3.1.0
info: { title: Example, version: 1.0.0 }
servers: [{ url: 'https://api.example.com' }]
paths:
  /_webhooks/meta:
    $ref: './paths/meta.yaml'
`,
      files: {
        'paths/meta.yaml': `x-lint-ignore:
  webhook-method-post: Meta verifies the endpoint with a GET handshake
get:
  x-internal: true
  responses:
    '200': { description: OK }
`,
      },
    });
    expect(findings).toEqual([]);
  });
});
