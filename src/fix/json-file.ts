import { findNodeAtLocation, modify, parseTree, type FormattingOptions, type Node, type ParseError } from 'jsonc-parser';
import type { JsonPath } from '../openapi/json';
import { FixRefusal, type EditableFile, type Edit } from '../functions/fix-api';
import { lineEnding } from './editable-file';

/**
 * A JSON file edited at the offsets of its nodes (jsonc-parser's tree), never re-serialised: indentation, key order
 * and everything else the fix does not target keep their bytes.
 */
export class JsonFile implements EditableFile {
  readonly data: unknown;
  private readonly tree: Node;
  private readonly formatting: FormattingOptions | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    const errors: ParseError[] = [];
    // A byte order mark becomes a space of the same length, so offsets still match the text.
    const tree = parseTree(text.replace(/^\uFEFF/, ' '), errors, { allowTrailingComma: false, disallowComments: true });
    if (!tree || errors.length > 0) throw new Error('cannot parse JSON');
    this.tree = tree;
    this.data = JSON.parse(text.replace(/^\uFEFF/, ''));
    this.formatting = detectFormatting(text);
  }

  renameKey(path: JsonPath, newKey: string): Edit[] {
    const key = this.find(path).parent?.children?.[0];
    if (!key || key.type !== 'string') throw new FixRefusal('the key is not in the file');
    return [{ offset: key.offset, length: key.length, content: JSON.stringify(newKey) }];
  }

  replaceString(path: JsonPath, value: string): Edit[] {
    const node = this.find(path);
    if (node.type !== 'string') throw new FixRefusal('the value is not a string');
    return [{ offset: node.offset, length: node.length, content: JSON.stringify(value) }];
  }

  replaceWithBoolean(path: JsonPath, value: boolean): Edit[] {
    const node = this.find(path);
    return [{ offset: node.offset, length: node.length, content: String(value) }];
  }

  insertBooleanProperty(objectPath: JsonPath, key: string, value: boolean): Edit[] {
    if (this.find(objectPath).type !== 'object') throw new FixRefusal('not an object');
    return modify(this.text, [...objectPath, key], value, { formattingOptions: this.formatting, getInsertionIndex: () => 0 });
  }

  removeItem(arrayPath: JsonPath, index: number): Edit[] {
    // jsonc-parser's modify() re-lays out the whole array when removing an item, so remove the item's own text.
    const array = this.find(arrayPath);
    const items = array.type === 'array' ? (array.children ?? []) : [];
    const item = items[index];
    if (!item) throw new FixRefusal('no such item');
    const next = items[index + 1];
    const previous = items[index - 1];
    if (next) return [{ offset: item.offset, length: next.offset - item.offset, content: '' }];
    if (previous) return [{ offset: previous.offset + previous.length, length: item.offset + item.length - (previous.offset + previous.length), content: '' }];
    throw new FixRefusal('it is the only item');
  }

  offsetOf(path: JsonPath): number | undefined {
    const node = findNodeAtLocation(this.tree, path);
    return node?.parent?.type === 'property' ? node.parent.offset : node?.offset;
  }

  hasOwnKey(path: JsonPath, key: string): boolean {
    const node = this.find(path);
    return node.type === 'object' && (node.children ?? []).some((property) => property.children?.[0]?.value === key);
  }

  private find(path: JsonPath): Node {
    const node = findNodeAtLocation(this.tree, path);
    if (!node) throw new FixRefusal('the node is not in the file');
    return node;
  }
}

/** The indentation and line ending the file already uses, so inserted properties look like their neighbours. */
function detectFormatting(text: string): FormattingOptions | undefined {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1];
  if (indent === undefined) return undefined; // one line: insert without adding line breaks
  return indent.startsWith('\t')
    ? { insertSpaces: false, tabSize: 1, eol: lineEnding(text) }
    : { insertSpaces: true, tabSize: indent.length, eol: lineEnding(text) };
}
