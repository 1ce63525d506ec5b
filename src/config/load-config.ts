import * as fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import * as path from 'node:path';
import type { Ruleset, RulesetDefinition } from '@stoplight/spectral-core';
import type { IRange } from '@stoplight/types';
import { ToolError, describeError } from '../errors';
import { findGitRoot } from '../fs/project';
import { DEFAULT_MAX_FILE_SIZE, NOT_REGULAR, tooLarge } from '../fs/read-text';
import { REMOTE_TIMEOUT_MS } from '../fs/remote';
import { suggest } from '../suggest';
import { inspectConfig } from './config-graph';
import { packageRuleset, PROFILES } from './package-ruleset';
import { ENTRY_FILES, readSimpleConfig } from './simple-config';

/** The names a user's Spectral ruleset may have, in the order they are looked for. */
export const CONFIG_FILE_NAMES = ['.spectral.yaml', '.spectral.yml', '.spectral.json', '.spectral.js', '.spectral.mjs'] as const;

/** Our package name: `extends: spectral-webhooks` (or an import of it) in a user's config always means this copy. */
const PACKAGE_NAME = 'spectral-webhooks';

/**
 * The config that applies in `cwd`: the first `.spectral.*` in cwd or a parent, stopping at the git repository root
 * (the folder holding `.git`). Outside a repository only cwd is searched, so a stray file in $HOME is never picked up.
 */
export function findConfigFile(cwd: string): string | undefined {
  let dir = path.resolve(cwd);
  const root = findGitRoot(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (isFile(candidate)) return candidate;
    }
    const parent = path.dirname(dir);
    if (root === undefined || dir === root || parent === dir) return undefined;
    dir = parent;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

// The migrator and bundler are typed through `exports` subpaths that this project's `node10` resolution cannot see,
// and they are loaded only when a config exists (rollup is the slow part of start-up): minimal shapes, required lazily.
interface RollupPlugin {
  name: string;
  resolveId?(id: string, importer?: string): { id: string; external: boolean } | string | null | undefined;
}
interface Bundler {
  bundleRuleset(input: string, options: { target: 'node'; format: 'commonjs'; plugins: unknown[] }): Promise<string>;
}
interface Migrator {
  isBasicRuleset(file: string): Promise<boolean>;
  migrateRuleset(file: string, options: { format: 'esm'; fs: typeof fs; fetch: unknown }): Promise<string>;
}
type SourceContext = { source: string; getLocationForJsonPath(path: Array<string | number>): { range: IRange } | undefined } | undefined;

/**
 * A user's ruleset file layered over ours: our rules always run (at their default severities), then whatever the
 * file extends and says. Loaded the way `spectral lint` loads it (migrator for YAML/JSON, bundler with the node
 * preset), so a config that works there works here unchanged. Any problem is a ToolError (exit 2), one line.
 */
export async function loadConfigRuleset(file: string, displayName = file, options: { allowRemoteRefs?: boolean } = {}): Promise<Ruleset> {
  const source = path.resolve(file);
  if (!isFile(source)) throw new ToolError('ruleset file not found', displayName);
  let definition: RulesetDefinition;
  let sourceContext: SourceContext;
  const remote = guardedFetch(Boolean(options.allowRemoteRefs), displayName);
  try {
    ({ definition, sourceContext } = await bundleAndLoad(source, displayName, ownRuleset(), remote.fetch));
  } catch (error) {
    // The migrator and rollup wrap (or swallow) a fetch's error: the refusal, when there was one, is what went wrong.
    throw remote.refusal() ?? configError(error, displayName);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Ruleset } = require('@stoplight/spectral-core') as typeof import('@stoplight/spectral-core');
  const ours = ownRuleset();
  try {
    return new Ruleset(layerOver(ours, definition), { severity: 'recommended', source, sourceContext });
  } catch (error) {
    throw configError(error, displayName, sourceContext);
  }
}

/**
 * The definition layered over ours for a config that only extends our rulesets and sets severities (see
 * simple-config.ts), read without Spectral's loader so the fast engine can run it; undefined for any other config.
 */
export function loadSimpleConfig(file: string): RulesetDefinition | undefined {
  return readSimpleConfig(path.resolve(file), ownRuleset(), PROFILES);
}

/** The user's config a command runs with: a definition read directly (simple-config.ts) or Spectral's Ruleset. */
export interface UserConfig {
  file: string;
  ruleset: RulesetDefinition | Ruleset;
}

/**
 * The config `lint` and `rules` use in `cwd`: the file given with -r, else the one findConfigFile finds (unless
 * --no-config); read directly when it only extends our rulesets, else through Spectral's loader. Undefined: none.
 */
export async function loadUserConfig(options: { ruleset?: string; config: boolean; allowRemoteRefs?: boolean }, cwd: string): Promise<UserConfig | undefined> {
  const file = options.ruleset !== undefined ? path.resolve(cwd, options.ruleset) : options.config ? findConfigFile(cwd) : undefined;
  if (file === undefined) return undefined;
  // The documents' default limit, not --max-file-size: a limit set low for documents should not refuse a small config.
  assertReadableConfig(file, options.ruleset ?? (path.relative(cwd, file) || file), DEFAULT_MAX_FILE_SIZE);
  const simple = loadSimpleConfig(file);
  if (simple !== undefined) return { file, ruleset: simple };
  const shown = options.ruleset ?? (path.relative(cwd, file) || file);
  const allowRemoteRefs = Boolean(options.allowRemoteRefs);
  const code = /\.[cm]?js$/i.test(file) ? 'is a JavaScript ruleset' : isFile(file) ? inspectConfig(file, shown, { allowRemoteRefs }).code : undefined;
  // As spectral-cli: code in a config runs only from the one the user chose (-r) or the working directory's own. A
  // config found in a parent folder may set rules and severities; if it would run code, the user says so with -r.
  if (code !== undefined && options.ruleset === undefined && path.dirname(file) !== path.resolve(cwd)) {
    throw new ToolError(`this config, found in a parent folder, ${code}: only the working directory's config or -r may run code (pass -r ${shown} to run it, or --no-config)`, shown);
  }
  return { file, ruleset: await loadConfigRuleset(file, shown, { allowRemoteRefs }) };
}

/**
 * A ruleset file is read whole by every loader: refused before that when it is not a regular file (reading a FIFO waits
 * forever, /dev/zero never ends) or is larger than the documents' default limit.
 */
function assertReadableConfig(file: string, shown: string, maxFileSize: number): void {
  let stats: fs.Stats;
  try {
    stats = fs.statSync(file);
  } catch {
    return; // missing: the loader says "ruleset file not found"
  }
  if (stats.isDirectory()) throw new ToolError('is a directory; give a ruleset file', shown);
  if (!stats.isFile()) throw new ToolError(NOT_REGULAR, shown);
  if (stats.size > maxFileSize) throw new ToolError(tooLarge(stats.size, maxFileSize), shown);
}

/**
 * The fetch the migrator and bundler use for `extends` URLs (and imports of URLs in JS rulesets): refused without
 * --allow-remote-refs, so a config never makes a lint touch the network unasked; with it, bounded in time and size.
 */
function guardedFetch(allow: boolean, displayName: string): { fetch: (url: string, init?: object) => Promise<unknown>; refusal(): ToolError | undefined } {
  let refused: ToolError | undefined;
  return {
    fetch: async (url, init) => {
      if (!allow) {
        refused ??= new ToolError(`extends "${url}", a URL: not fetched without --allow-remote-refs (pass it, or extend a local copy)`, displayName);
        throw refused;
      }
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { fetch } = require('@stoplight/spectral-runtime') as { fetch: (url: string, init?: object) => Promise<unknown> };
      return fetch(url, { ...init, timeout: REMOTE_TIMEOUT_MS, size: REMOTE_MAX_BYTES });
    },
    refusal: () => refused,
  };
}

/** A remote ruleset is a config: far smaller than a document. */
const REMOTE_MAX_BYTES = 10 * 1024 * 1024;

/** Whether a ruleset is a Ruleset Spectral's loader built (it cannot take more rules), not a plain definition. */
export function isRulesetInstance(value: RulesetDefinition | Ruleset | undefined): value is Ruleset {
  return typeof value === 'object' && value !== null && typeof (value as { fromSource?: unknown }).fromSource === 'function';
}

function ownRuleset(): RulesetDefinition {
  return packageRuleset();
}

async function bundleAndLoad(
  source: string,
  displayName: string,
  ours: RulesetDefinition,
  fetch: (url: string, init?: object) => Promise<unknown>,
): Promise<{ definition: RulesetDefinition; sourceContext: SourceContext }> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const migrator = require('@stoplight/spectral-ruleset-migrator') as Migrator;
  const { bundleRuleset } = require('@stoplight/spectral-ruleset-bundler') as Bundler;
  const { node } = require('@stoplight/spectral-ruleset-bundler/presets/node') as { node(io: unknown): unknown[] };
  const { builtins } = require('@stoplight/spectral-ruleset-bundler/plugins/builtins') as { builtins(): unknown };
  const { commonjs } = require('@stoplight/spectral-ruleset-bundler/plugins/commonjs') as { commonjs(): unknown };
  const { stdin } = require('@stoplight/spectral-ruleset-bundler/plugins/stdin') as { stdin(input: string, name: string): unknown };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const configDir = path.dirname(source);
  const io = { fs, fetch };
  let code: string;
  let sourceContext: SourceContext;
  if (await migrator.isBasicRuleset(source)) {
    assertParses(source, displayName);
    sourceContext = buildSourceContext(source);
    assertExtendsExist(source, displayName, sourceContext);
    const migrated = await migrator.migrateRuleset(source, { format: 'esm', fs, fetch });
    // spectral-cli bundles the migrated code under this virtual name (relative imports resolve from the config's folder).
    const entry = path.join(configDir, '.spectral.js');
    code = await bundleRuleset(entry, {
      target: 'node',
      format: 'commonjs',
      plugins: [ownPackage(configDir), nodeBuiltins(), stdin(migrated, entry), builtins(), commonjs(), ...node(io)],
    });
  } else {
    code = await bundleRuleset(source, { target: 'node', format: 'commonjs', plugins: [ownPackage(configDir), nodeBuiltins(), builtins(), commonjs(), ...node(io)] });
  }
  return { definition: evaluate(code, source, displayName, ours), sourceContext };
}

/**
 * Node's own modules (`fs`, `node:path`) that a config's functions require stay `require` calls, run by `evaluate`.
 * Without this, rollup resolves them nowhere and prints a warning (holding a NUL byte) on every run.
 */
function nodeBuiltins(): RollupPlugin {
  return {
    name: 'spectral-webhooks/node-builtins',
    resolveId(id) {
      return builtinModules.includes(id.replace(/^node:/, '')) ? { id, external: true } : null;
    },
  };
}

/**
 * Where the migrator leaves `extends: spectral-webhooks`: resolved from the config's folder, so either the copy
 * installed in the user's project or, when none is, a path that does not exist. Both mean this package, so the
 * config works through `npx spectral-webhooks` without installing the ruleset, and never mixes two versions.
 */
function ownPackage(configDir: string): RollupPlugin {
  return {
    name: 'spectral-webhooks/own-package',
    resolveId(id, importer) {
      // A JS ruleset may import the installed file by its path (`./node_modules/spectral-webhooks/dist/...`), as
      // the VS Code extension needs: that is this package too.
      const own = ownModule(id.startsWith('.') ? path.resolve(importer === undefined ? configDir : path.dirname(importer), id) : id, configDir);
      return own === undefined ? null : { id: own, external: true };
    },
  };
}

/**
 * The entry point of this package (`spectral-webhooks` or `spectral-webhooks/<export>`) that `id` stands for: a package
 * specifier, the path the migrator makes of one when the package is not installed, or a file of an installed copy.
 */
function ownModule(id: string, configDir: string): string | undefined {
  if (id === PACKAGE_NAME || id.startsWith(`${PACKAGE_NAME}/`)) return id;
  if (!path.isAbsolute(id)) return undefined;
  const fromConfig = path.relative(configDir, id).split(path.sep).join('/');
  if ((fromConfig === PACKAGE_NAME || fromConfig.startsWith(`${PACKAGE_NAME}/`)) && !fs.existsSync(id)) return fromConfig;
  const installed = /\/node_modules\/spectral-webhooks\/(.+)$/.exec(id.split(path.sep).join('/'));
  return installed?.[1] ? entryForFile(installed[1]) : undefined;
}

/** The entry point whose file (one of its builds) is `file`, relative to the package: `dist/spectral-webhooks.mjs` → `spectral-webhooks`. */
function entryForFile(file: string): string | undefined {
  const entry = Object.entries(ENTRY_FILES).find(([, files]) => files.includes(file))?.[0];
  return entry === undefined ? undefined : entry === 'main' ? PACKAGE_NAME : `${PACKAGE_NAME}/${entry}`;
}

/**
 * The module an entry point of this package stands for, shaped as Node's `require()` gives the published one (an ES
 * module: `{ default: ruleset }`); the main ruleset is the very object the CLI runs, the profile extends it.
 */
function requireOwn(specifier: string, ours: RulesetDefinition): unknown {
  const entries: Record<string, () => unknown> = {
    [PACKAGE_NAME]: () => ours,
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    [`${PACKAGE_NAME}/standard-webhooks`]: () => require('../../rules/profiles/standard-webhooks'),
  };
  const entry = entries[specifier];
  if (entry === undefined) throw new ToolError(`"${specifier}" is not an entry point of ${PACKAGE_NAME} (use "${PACKAGE_NAME}")`);
  return { __esModule: true, default: entry() };
}

/** Runs the bundled CommonJS, as spectral-cli does, with our own package mapped onto this copy. */
function evaluate(code: string, source: string, displayName: string, ours: RulesetDefinition): RulesetDefinition {
  const requireFromConfig = createRequire(source);
  const paths = [path.dirname(source), __dirname];
  const configRequire = (id: string): unknown => {
    const own = ownModule(id, path.dirname(source));
    return own !== undefined ? requireOwn(own, ours) : requireFromConfig(requireFromConfig.resolve(id, { paths }));
  };
  const module: { exports?: unknown } = {};
  // The bundle is the user's own ruleset code, run in this process exactly as spectral-cli runs it.
  Function('module, require', code)(module, configRequire);
  if (typeof module.exports !== 'object' || module.exports === null) throw new ToolError('the ruleset file exports no ruleset', displayName);
  return module.exports as RulesetDefinition;
}

type Extension = RulesetDefinition | [RulesetDefinition, 'off' | 'recommended' | 'all'];

/** Our ruleset first, then the user's extends and rules; not twice when the user already extends it. */
function layerOver(ours: RulesetDefinition, user: RulesetDefinition): RulesetDefinition {
  const raw = (user as { extends?: unknown }).extends;
  const extensions: Extension[] =
    raw === undefined ? [] : Array.isArray(raw) && !(raw.length === 2 && typeof raw[1] === 'string') ? (raw as Extension[]) : [raw as Extension];
  const extendsOurs = extensions.some((extension) => (Array.isArray(extension) ? extension[0] : extension) === ours);
  return { ...user, extends: extendsOurs ? extensions : [ours, ...extensions] } as RulesetDefinition;
}

/** The migrator reports a YAML/JSON syntax error only as "Invalid ruleset provided": say where it is. */
function assertParses(source: string, displayName: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Json, Yaml } = require('@stoplight/spectral-parsers') as typeof import('@stoplight/spectral-parsers');
  const text = fs.readFileSync(source, 'utf8');
  const json = path.extname(source) === '.json';
  const { diagnostics } = json ? Json.parse(text) : Yaml.parse(text);
  const fatal = diagnostics.find((diagnostic) => diagnostic.severity === 0);
  if (fatal) {
    const { line, character } = fatal.range.start;
    throw new ToolError(`cannot parse ruleset ${json ? 'JSON' : 'YAML'}: ${fatal.message}`, displayName, line + 1, character + 1);
  }
}

/**
 * Names in `extends` that are neither one of Spectral's rulesets, a URL, this package, an installed package nor a
 * file: refused at the entry with a did-you-mean, before rollup prints a warning about a `.spectral.js` the user never
 * wrote and Spectral fails with "Cannot find module" and no location.
 */
function assertExtendsExist(source: string, displayName: string, sourceContext: SourceContext): void {
  let raw: unknown;
  try {
    const text = fs.readFileSync(source, 'utf8');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    raw = path.extname(source) === '.json' ? JSON.parse(text) : (require('yaml') as typeof import('yaml')).parse(text);
  } catch {
    return; // assertParses has accepted the file; what yaml rejects here, Spectral's own loader reports
  }
  const listed = (raw as { extends?: unknown } | null)?.extends;
  if (listed === undefined) return;
  const entries = Array.isArray(listed) ? listed : [listed];
  const configDir = path.dirname(source);
  entries.forEach((entry, index) => {
    const name = Array.isArray(entry) ? entry[0] : entry;
    if (typeof name !== 'string' || extendsTargetExists(name, configDir)) return;
    const jsonPath = Array.isArray(listed) ? (Array.isArray(entry) ? ['extends', index, 0] : ['extends', index]) : ['extends'];
    const start = sourceContext?.getLocationForJsonPath(jsonPath)?.range.start;
    const known = [PACKAGE_NAME, `${PACKAGE_NAME}/standard-webhooks`, 'spectral:oas', 'spectral:asyncapi', 'spectral:arazzo'];
    const closest = suggest(name, known).filter((id) => id !== name);
    const hint = closest.length > 0 ? `did you mean ${closest.join(' or ')}?` : `install it, or give a path relative to ${displayName}`;
    throw new ToolError(`extends "${name}" is neither an installed package nor a file; ${hint}`, displayName, start ? start.line + 1 : undefined, start ? start.character + 1 : undefined);
  });
}

function extendsTargetExists(name: string, configDir: string): boolean {
  if (name.startsWith('spectral:') || /^https?:\/\//i.test(name)) return true;
  if (name === PACKAGE_NAME || name.startsWith(`${PACKAGE_NAME}/`)) return true;
  if (fs.existsSync(path.resolve(configDir, name))) return true;
  try {
    createRequire(path.join(configDir, 'package.json')).resolve(name);
    return true;
  } catch {
    return false;
  }
}

function buildSourceContext(source: string): SourceContext {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Json, Yaml } = require('@stoplight/spectral-parsers') as typeof import('@stoplight/spectral-parsers');
    const text = fs.readFileSync(source, 'utf8');
    if (path.extname(source) === '.json') {
      const parsed = Json.parse(text);
      return { source, getLocationForJsonPath: (jsonPath) => Json.getLocationForJsonPath(parsed, jsonPath) };
    }
    const parsed = Yaml.parse(text);
    return { source, getLocationForJsonPath: (jsonPath) => Yaml.getLocationForJsonPath(parsed, jsonPath) };
  } catch {
    return undefined;
  }
}

interface Located {
  message?: string;
  range?: { start: { line: number; character: number } };
}

/** Spectral's ruleset errors (an AggregateError of located errors, a ReferenceError for an unknown rule) as one line. */
function configError(error: unknown, file: string, sourceContext?: SourceContext): ToolError {
  if (error instanceof ToolError) return error;
  const errors = (error as { errors?: unknown[] } | undefined)?.errors;
  const list = Array.isArray(errors) && errors.length > 0 ? errors : [error];
  const first = list[0] as Located | undefined;
  const more = list.length > 1 ? ` (and ${list.length - 1} more problem${list.length > 2 ? 's' : ''})` : '';
  const unknownRule = /Cannot extend non-existing rule: "(.+)"/.exec(first?.message ?? '');
  let start = first?.range?.start;
  let message = `invalid ruleset: ${describeError(first)}${more}`;
  const at = (first as { path?: unknown } | undefined)?.path;
  if (Array.isArray(at) && at.length === 2 && at[0] === 'rules' && /allowed values/.test(first?.message ?? '')) {
    message = `invalid ruleset: rules.${String(at[1])} must be a severity (error, warn, info, hint, off) or true/false${more}`;
  }
  if (unknownRule?.[1]) {
    const ruleId = unknownRule[1];
    start = sourceContext?.getLocationForJsonPath(['rules', ruleId])?.range.start;
    const closest = suggest(ruleId, knownRuleIds()).filter((id) => id !== ruleId);
    const hint = closest.length > 0 ? `did you mean ${closest.join(', ')}?` : '`spectral-webhooks rules` lists ours';
    message = `unknown rule "${ruleId}": no ruleset this config extends defines it (${hint})${more}`;
  }
  return new ToolError(message, file, start ? start.line + 1 : undefined, start ? start.character + 1 : undefined, { cause: error });
}

/** Rule ids a config may mean: ours and those of Spectral's own rulesets (`operation-operationid` → `operation-operationId`). */
function knownRuleIds(): string[] {
  const ours = Object.keys((ownRuleset() as { rules?: object }).rules ?? {});
  let spectral: string[] = [];
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const rulesets = require('@stoplight/spectral-rulesets') as Record<string, { rules?: object }>;
    spectral = Object.values(rulesets).flatMap((ruleset) => Object.keys(ruleset?.rules ?? {}));
  } catch {
    // Only suggestions are lost.
  }
  return [...new Set([...ours, ...spectral])];
}
