import { findNodeAtLocation, format, parseTree, type FormattingOptions, type Node, type ParseError } from 'jsonc-parser';
import type { JsonPath } from '../openapi/json';
import { FixRefusal, type EditableFile, type Edit } from '../functions/fix-api';
import { lineEnding } from './editable-file';

/**
 * A JSON file edited at the offsets of its nodes (jsonc-parser's tree), never re-serialised: indentation, key order
 * and everything else the fix does not target keep their bytes.
 */
export class JsonFile implements EditableFile {
  readonly data: unknown;
  private parsedTree: Node | undefined;
  private readonly formatting: FormattingOptions | undefined;
  private readonly propertiesByObject = new WeakMap<Node, Map<string, Node>>();

  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    // JSON.parse checks the text (strict JSON, as the tree below requires); the tree, with its offsets, is built when
    // a fix first needs a node: a file whose last round of fixes is being checked never needs one.
    try {
      this.data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new Error('cannot parse JSON', { cause: error });
    }
    this.formatting = detectFormatting(text);
  }

  private get tree(): Node {
    if (!this.parsedTree) {
      const errors: ParseError[] = [];
      // A byte order mark becomes a space of the same length, so offsets still match the text.
      const tree = parseTree(this.text.replace(/^\uFEFF/, ' '), errors, { allowTrailingComma: false, disallowComments: true });
      if (!tree || errors.length > 0) throw new FixRefusal('the file cannot be read as JSON');
      this.parsedTree = tree;
    }
    return this.parsedTree;
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
    const object = this.find(objectPath);
    if (object.type !== 'object') throw new FixRefusal('not an object');
    const existing = findNodeAtLocation(object, [key]);
    if (existing) return [this.formatted({ offset: existing.offset, length: existing.length, content: JSON.stringify(value) })];
    // As jsonc-parser's modify() with getInsertionIndex 0 words it: the first property, followed by a comma when others follow.
    const property = `${JSON.stringify(key)}: ${JSON.stringify(value)}`;
    const content = (object.children ?? []).length > 0 ? `${property},` : property;
    return [this.formatted({ offset: object.offset + 1, length: 0, content })];
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
    const node = this.nodeAt(path);
    return node?.parent?.type === 'property' ? node.parent.offset : node?.offset;
  }

  hasOwnKey(path: JsonPath, key: string): boolean {
    const node = this.find(path);
    return node.type === 'object' && (node.children ?? []).some((property) => property.children?.[0]?.value === key);
  }

  private find(path: JsonPath): Node {
    const node = this.nodeAt(path);
    if (!node) throw new FixRefusal('the node is not in the file');
    return node;
  }

  /**
   * jsonc-parser's findNodeAtLocation (the first property of a repeated key), with each object's properties indexed
   * by key once: its linear search per lookup made thousands of lookups in one `paths` object quadratic.
   */
  private nodeAt(path: JsonPath): Node | undefined {
    let node: Node | undefined = this.tree;
    for (const segment of path) {
      if (!node) return undefined;
      if (typeof segment === 'string') {
        if (node.type !== 'object') return undefined;
        node = this.propertiesOf(node).get(segment);
      } else {
        if (node.type !== 'array' || !Array.isArray(node.children) || segment < 0 || segment >= node.children.length) return undefined;
        node = node.children[segment];
      }
    }
    return node;
  }

  private propertiesOf(object: Node): Map<string, Node> {
    let properties = this.propertiesByObject.get(object);
    if (!properties) {
      properties = new Map();
      for (const property of object.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value && property.children?.length === 2 && typeof key.value === 'string' && !properties.has(key.value)) properties.set(key.value, value);
      }
      this.propertiesByObject.set(object, properties);
    }
    return properties;
  }

  /**
   * The edit laid out as its neighbours are: what jsonc-parser's modify() does after an edit (format the lines it
   * touched), done on those lines only. modify() itself re-parses the whole text for every edit, which made a fix of
   * thousands of operations quadratic; jsonc-parser's format() reads only the lines of the range it is given, so
   * formatting a window of those lines gives the same edit.
   */
  private formatted(edit: Edit): Edit {
    if (!this.formatting) return edit;
    const windowStart = lineStartBefore(this.text, edit.offset);
    const windowEnd = lineEndAfter(this.text, edit.offset + edit.length);
    const window = this.text.slice(windowStart, windowEnd);
    const at = edit.offset - windowStart;
    let newText = window.slice(0, at) + edit.content + window.slice(at + edit.length);
    let begin = at;
    let end = at + edit.content.length;
    if (edit.length === 0 || edit.content.length === 0) {
      begin = lineStartBefore(newText, begin);
      end = lineEndAfter(newText, end);
    }
    const layout = format(newText, { offset: begin, length: end - begin }, { ...this.formatting, keepLines: false });
    for (let index = layout.length - 1; index >= 0; index--) {
      const change = layout[index] as Edit;
      newText = newText.slice(0, change.offset) + change.content + newText.slice(change.offset + change.length);
      begin = Math.min(begin, change.offset);
      end = Math.max(end, change.offset + change.length) + change.content.length - change.length;
    }
    return { offset: windowStart + begin, length: window.length - (newText.length - end) - begin, content: newText.slice(begin, end) };
  }
}

/** The offset where the line holding `offset` starts (after a CR or LF, as jsonc-parser counts lines). */
function lineStartBefore(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && !isLineBreak(text, at - 1)) at--;
  return at;
}

/** The offset of the line break that ends the line holding `offset` (or the text's end). */
function lineEndAfter(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && !isLineBreak(text, at)) at++;
  return at;
}

function isLineBreak(text: string, offset: number): boolean {
  const character = text[offset];
  return character === '\n' || character === '\r';
}
/** The indentation and line ending the file already uses, so inserted properties look like their neighbours. */
function detectFormatting(text: string): FormattingOptions | undefined {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1];
  if (indent === undefined) return undefined; // one line: insert without adding line breaks
  return indent.startsWith('\t')
    ? { insertSpaces: false, tabSize: 1, eol: lineEnding(text) }
    : { insertSpaces: true, tabSize: indent.length, eol: lineEnding(text) };
}
