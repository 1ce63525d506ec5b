import * as fs from 'node:fs';
import * as path from 'node:path';
import { ToolError } from '../errors';
import { DEFAULT_MAX_FILE_SIZE, NOT_REGULAR, tooLarge } from '../fs/read-text';

/** What a YAML/JSON config and the local configs it extends would make Spectral's loader do. */
export interface ConfigInspection {
  /** Why loading it runs JavaScript (`defines custom functions`, `extends "x", which is JavaScript`); undefined: none. */
  code?: string;
}

export interface InspectOptions {
  /** --allow-remote-refs: `extends` URLs may be fetched. */
  allowRemoteRefs: boolean;
}

const EXTENDS_SEVERITIES = new Set(['off', 'recommended', 'all']);
const DATA_FILE = /\.(ya?ml|json)$/i;
const URL = /^https?:\/\//i;
/** Aliases a config may expand (yaml's own guard: past it, expansion is refused instead of growing without bound). */
const MAX_ALIASES = 100;

/**
 * Reads a YAML/JSON config and, through `extends`, every local YAML/JSON config it builds on, before Spectral's
 * migrator and bundler run them, and refuses what those would do unasked or forever: fetch an `extends` URL without
 * --allow-remote-refs, follow an `extends` cycle (the migrator recurses until memory runs out), expand an alias bomb.
 * Each refusal is a ToolError at the `extends` entry (or the alias) that causes it. It also says whether loading the
 * config runs code, for the caller's rule on configs found above the working directory.
 *
 * Hand-written: Spectral's migrator offers no dry run, and it fetches and recurses as it goes.
 */
export function inspectConfig(file: string, displayName: string, options: InspectOptions): ConfigInspection {
  const inspection: ConfigInspection = {};
  visit(path.resolve(file), displayName, [], options, inspection, '');
  return inspection;
}

/** `via` says, for a config reached through `extends`, which one: `extends base.yaml, which `. */
function visit(file: string, displayName: string, chain: string[], options: InspectOptions, inspection: ConfigInspection, via: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const YAML = require('yaml') as typeof import('yaml');
  let text: string;
  try {
    const stats = fs.statSync(file);
    if (!stats.isFile()) throw new ToolError(NOT_REGULAR, displayName);
    if (stats.size > DEFAULT_MAX_FILE_SIZE) throw new ToolError(tooLarge(stats.size, DEFAULT_MAX_FILE_SIZE), displayName);
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof ToolError) throw error;
    return; // unreadable: Spectral's loader says so in its own words
  }
  const lines = new YAML.LineCounter();
  const document = YAML.parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  if (document.errors.length > 0) return; // assertParses (load-config.ts) reports syntax errors at their line
  let raw: unknown;
  try {
    raw = document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const alias = firstAlias(document, YAML);
    const at = alias === undefined ? undefined : lines.linePos(alias);
    throw new ToolError(
      `aliases would expand the config past ${MAX_ALIASES} copies (a YAML alias bomb); write the values out`,
      displayName,
      at?.line,
      at?.col,
      { cause: error },
    );
  }
  if (typeof raw !== 'object' || raw === null) return;
  const config = raw as Record<string, unknown>;
  if (config.functions !== undefined || config.functionsDir !== undefined) inspection.code ??= `${via}defines custom functions`;

  const here = [...chain, file];
  for (const { name, at } of extendsEntries(config)) {
    const position = (() => {
      const node = document.getIn(at, true) as { range?: [number, number, number] } | undefined;
      return node?.range ? lines.linePos(node.range[0]) : undefined;
    })();
    const located = (message: string) => new ToolError(message, displayName, position?.line, position?.col);
    if (name.startsWith('spectral:') || name === 'spectral-webhooks' || name.startsWith('spectral-webhooks/')) continue;
    if (URL.test(name)) {
      if (!options.allowRemoteRefs) throw located(`extends "${name}", a URL: not fetched without --allow-remote-refs (pass it, or extend a local copy)`);
      inspection.code ??= `${via}extends "${name}", a URL that may hold JavaScript`;
      continue;
    }
    const target = path.resolve(path.dirname(file), name);
    if (DATA_FILE.test(name) && fs.existsSync(target)) {
      if (here.includes(target)) {
        const cycle = [...here.slice(here.indexOf(target)), target].map((each) => path.basename(each)).join(' → ');
        throw located(`extends "${name}" closes a cycle (${cycle}); remove one of the extends`);
      }
      visit(target, path.relative(process.cwd(), target) || target, here, options, inspection, `${via}extends "${name}", which `);
      continue;
    }
    inspection.code ??= `${via}extends "${name}", which is JavaScript`;
  }
}

/** The names a config extends, at the top and in `overrides`, each with the path of its node in the document. */
function extendsEntries(config: Record<string, unknown>): Array<{ name: string; at: Array<string | number> }> {
  const entries: Array<{ name: string; at: Array<string | number> }> = [];
  const collect = (value: unknown, at: Array<string | number>) => {
    if (typeof value === 'string') entries.push({ name: value, at });
    if (!Array.isArray(value)) return;
    value.forEach((item, index) => {
      // `[name, severity]`, alone or as an item: the severity is not a ruleset
      if (typeof item === 'string' && !EXTENDS_SEVERITIES.has(item)) entries.push({ name: item, at: [...at, index] });
      else if (Array.isArray(item) && typeof item[0] === 'string') entries.push({ name: item[0], at: [...at, index, 0] });
    });
  };
  collect(config.extends, ['extends']);
  if (Array.isArray(config.overrides)) {
    config.overrides.forEach((override, index) => {
      if (typeof override === 'object' && override !== null) collect((override as Record<string, unknown>).extends, ['overrides', index, 'extends']);
    });
  }
  return entries;
}

function firstAlias(document: import('yaml').Document, YAML: typeof import('yaml')): number | undefined {
  let offset: number | undefined;
  YAML.visit(document, {
    Alias(_key, node) {
      offset = node.range?.[0];
      return YAML.visit.BREAK;
    },
  });
  return offset;
}
