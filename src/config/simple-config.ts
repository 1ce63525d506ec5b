import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RulesetDefinition } from '@stoplight/spectral-core';
import { PACKAGE_ROOT } from '../package-root';

type Extension = RulesetDefinition | [RulesetDefinition, 'off' | 'recommended' | 'all'];

const PACKAGE_NAME = 'spectral-webhooks';
const EXTENDS_SEVERITIES = new Set(['off', 'recommended', 'all']);
const RULE_SEVERITIES = new Set(['error', 'warn', 'info', 'hint', 'off']);
const ALLOWED_KEYS = new Set(['extends', 'rules', 'description', 'documentationUrl']);

/**
 * Reads the most common config, a YAML or JSON file that only extends this package's rulesets and turns their rules
 * on, off or to another severity, without Spectral's migrator and rollup bundler (about 1.5 s of a cold start). It
 * returns the same definition loadConfigRuleset builds for that file (our ruleset first, then the user's extends and
 * rules), which the fast engine compiles. For anything else (another ruleset, custom rules or functions, overrides,
 * aliases, formats, a rule id no extended ruleset defines, a value Spectral would reject, a file that does not parse)
 * it returns undefined and the caller takes the full path, which gives Spectral's semantics and error messages.
 *
 * Hand-written because Spectral offers no parse-only reader of a ruleset file: its loader always bundles.
 */
export function readSimpleConfig(file: string, ours: RulesetDefinition, profiles: Record<string, () => RulesetDefinition>): RulesetDefinition | undefined {
  const extension = path.extname(file);
  if (!['.yaml', '.yml', '.json'].includes(extension)) return undefined;
  let raw: unknown;
  try {
    const text = fs.readFileSync(file, 'utf8');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    raw = extension === '.json' ? JSON.parse(text) : (require('yaml') as typeof import('yaml')).parse(text, { uniqueKeys: true, merge: false });
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const config = raw as Record<string, unknown>;
  if (Object.keys(config).some((key) => !ALLOWED_KEYS.has(key))) return undefined;
  if (config.description !== undefined && typeof config.description !== 'string') return undefined;
  if (config.documentationUrl !== undefined && typeof config.documentationUrl !== 'string') return undefined;

  const resolveOwn = (specifier: unknown): RulesetDefinition | undefined => {
    if (typeof specifier !== 'string') return undefined;
    const entry = ownEntry(specifier, path.dirname(file));
    if (entry === undefined) return undefined;
    if (entry === 'main') return ours;
    return Object.prototype.hasOwnProperty.call(profiles, entry) ? profiles[entry]!() : undefined;
  };
  const extensions: Extension[] = [];
  const listed = config.extends === undefined ? [] : Array.isArray(config.extends) ? config.extends : [config.extends];
  for (const item of listed) {
    if (Array.isArray(item)) {
      const [specifier, severity, ...rest] = item as unknown[];
      const definition = resolveOwn(specifier);
      if (!definition || rest.length > 0 || typeof severity !== 'string' || !EXTENDS_SEVERITIES.has(severity)) return undefined;
      extensions.push([definition, severity as 'off' | 'recommended' | 'all']);
    } else {
      const definition = resolveOwn(item);
      if (!definition) return undefined;
      extensions.push(definition);
    }
  }

  const known = new Set([...ruleNames(ours), ...extensions.flatMap((extension) => ruleNames(Array.isArray(extension) ? extension[0] : extension))]);
  const rules = config.rules ?? {};
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) return undefined;
  for (const [name, value] of Object.entries(rules)) {
    if (!known.has(name)) return undefined;
    if (typeof value !== 'boolean' && !(typeof value === 'string' && RULE_SEVERITIES.has(value))) return undefined;
  }

  // The shape loadConfigRuleset's layerOver gives: ours first unless the user extends it already.
  const extendsOurs = extensions.some((extension) => (Array.isArray(extension) ? extension[0] : extension) === ours);
  const user: Record<string, unknown> = { ...config, extends: extendsOurs ? extensions : [ours, ...extensions] };
  if (config.rules === undefined) delete user.rules;
  return user as RulesetDefinition;
}

/** Every rule id a definition and the definitions it extends define. */
function ruleNames(definition: RulesetDefinition): string[] {
  const own = Object.keys((definition as { rules?: object }).rules ?? {});
  const raw = (definition as { extends?: unknown }).extends;
  const extended = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return [...own, ...extended.flatMap((item) => ruleNames((Array.isArray(item) ? item[0] : item) as RulesetDefinition))];
}

/**
 * Which of this package's rulesets `specifier` names: the package or one of its `exports` (`spectral-webhooks`,
 * `spectral-webhooks/standard-webhooks`), or a relative or absolute path to one of its entry files (this repository's
 * own `.spectral.yaml` extends `./dist/rules/index.js`). Undefined for anything else.
 */
function ownEntry(specifier: string, configDir: string): string | undefined {
  if (specifier === PACKAGE_NAME) return 'main';
  if (specifier.startsWith(`${PACKAGE_NAME}/`)) return specifier.slice(PACKAGE_NAME.length + 1);
  if (!specifier.startsWith('.') && !path.isAbsolute(specifier)) return undefined;
  const target = realPath(path.resolve(configDir, specifier));
  if (target === undefined) return undefined;
  // A copy installed in the project's node_modules stands for this one, as in load-config.ts (never two versions).
  const installed = /\/node_modules\/spectral-webhooks\/(.+)$/.exec(target.split(path.sep).join('/'))?.[1];
  for (const [entry, files] of Object.entries(ENTRY_FILES)) {
    if (installed !== undefined && files.includes(installed)) return entry;
    if (files.some((candidate) => realPath(path.join(PACKAGE_ROOT, candidate)) === target)) return entry;
  }
  return undefined;
}

/** The files of each of this package's rulesets: the ES module users load (package.json "exports") and tsc's CommonJS. */
export const ENTRY_FILES: Record<string, string[]> = {
  main: ['dist/spectral-webhooks.mjs', 'dist/rules/index.js'],
  'standard-webhooks': ['dist/standard-webhooks.mjs', 'dist/rules/profiles/standard-webhooks.js'],
};

function realPath(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
}
