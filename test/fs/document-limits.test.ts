import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ToolError } from '../../src/errors';
import { checkDocumentLimits } from '../../src/fs/document-limits';
import { REPO_ROOT } from '../support/run-cli';

const bomb = readFileSync(join(REPO_ROOT, 'fixtures', 'bad-input', 'alias-bomb.yaml'), 'utf8');
const markdown = "info:\n  description: '**Note**: use &nbsp; and *emphasis* freely; a * b'\n";

describe('checkDocumentLimits: YAML aliases', () => {
  it('refuses an alias bomb, at the alias that expands the most', () => {
    let thrown: unknown;
    try {
      checkDocumentLimits(bomb, 'bomb.yaml', false);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ToolError);
    expect((thrown as ToolError).toOneLine()).toMatch(/^bomb\.yaml:13:10: YAML aliases expand this document to 490,329,076 nodes from 127 written/);
  });

  it('refuses an alias bomb hidden among Markdown that looks like aliases and anchors', () => {
    expect(() => checkDocumentLimits(`${markdown}${bomb.replace(/^openapi.*\n/, '')}`, 'bomb.yaml', false)).toThrow(/alias bomb/);
  });

  it('accepts Markdown emphasis and entities, and an anchor reused a few times', () => {
    const reuse = "components:\n  schemas:\n    a: &id {type: string}\n    b: *id\n    c: [*id, *id]\n";
    expect(() => checkDocumentLimits(`${markdown}${reuse}`, 'ok.yaml', false)).not.toThrow();
  });
});
