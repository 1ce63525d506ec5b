/** YAML text of receiver documents (paths under /_webhooks/) for the consumer rule tables, written as a user would. */
import { INFO, indent, yamlText } from './yaml-text';

/** The response a YAML receiver answers with unless a case says otherwise. */
export const RECEIVED = "'204': { description: Received }";
export const OK = "'200': { description: OK }";

/** An operation as YAML lines: `method:`, its own `lines`, then `responses:` holding the one `response`. */
export function operation(method: string, lines: string[] = [], response = RECEIVED): string[] {
  return [`${method}:`, ...indent(lines, 2), '  responses:', `    ${response}`];
}

/** `servers:` listing `urls`, as YAML lines. */
export const servers = (...urls: string[]): string[] => ['servers:', ...urls.map((url) => `  - url: ${url}`)];

interface Head {
  /** `openapi` version (3.1.0 unless given). */
  openapi?: string;
  /** Root `servers` URLs (none unless given). */
  servers?: string[];
}

const head = ({ openapi = '3.1.0', servers: urls }: Head): string[] => [`openapi: ${openapi}`, INFO, ...(urls ? servers(...urls) : [])];

/** A YAML document whose `paths` map each path key to its path item's lines. */
export function yamlPaths(paths: Record<string, string[]>, options: Head = {}): string {
  return yamlText([...head(options), 'paths:', ...Object.entries(paths).flatMap(([pathKey, item]) => [`  ${pathKey}:`, ...indent(item, 4)])]);
}

/** A YAML document whose `pathKey` is a local `$ref` to the path item `components.pathItems.<name>`, which holds `item`. */
export function localPathItem(pathKey: string, name: string, item: string[], options: Head = {}): string {
  const components = ['components:', '  pathItems:', `    ${name}:`, ...indent(item, 6)];
  return yamlText([...head(options), 'paths:', `  ${pathKey}:`, `    $ref: '#/components/pathItems/${name}'`, ...components]);
}

/** The case fields (`document`, `files`) of a YAML document whose `pathKey` is a `$ref` to the path item `file` holding `item`. */
export function pathItemInFile(pathKey: string, file: string, item: string[], options: Head = {}): { document: string; files: Record<string, string> } {
  return { document: yamlPaths({ [pathKey]: [`$ref: './${file}'`] }, options), files: { [file]: yamlText(item) } };
}
