import type { ISpectralDiagnostic } from '@stoplight/spectral-core';
import * as spectralFormats from '@stoplight/spectral-formats';
import { CHECK, type Check, type CheckContext, type CheckedFunction, type IFunctionResult, type RuleInForce } from '../functions/context';
import type { JsonPath } from '../openapi/json';
import { Inventory, Unsupported } from './inventory';
import { evaluateGiven, parseGiven, type Step } from './jsonpath';
import { decodeSegmentFragment, getClosestJsonPath, getIn, pathToPointer, decodePointerFragment, isPlainObject } from './pointer';
import type { ParserWarning, SourceFile } from './source';

export { Unsupported };

type Format = (document: unknown, source: string | null) => boolean;
type InputValidator = (input: unknown) => boolean;

/** A rule as the fast engine runs it: everything Spectral's Rule would use, with the check behind its function. */
export interface EngineRule {
  name: string;
  description: string | undefined;
  message: string | null;
  documentationUrl: string | undefined;
  severity: 0 | 1 | 2 | 3;
  resolved: boolean;
  formats: Format[] | null;
  given: Step[][];
  check: Check<unknown>;
  options: unknown;
  validateInput: InputValidator | null;
  /** The given expressions as written, and the function: the rule as Spectral's Rule presents it (RuleInForce). */
  givenExpressions: string[];
  function: unknown;
  /** The rule's `extensions` (Spectral keeps them on its Rule too): a fixable rule's fix is `extensions.fix`. */
  extensions: Record<string, unknown> | null;
  /** Every rule of the ruleset, enabled or not, by id: what a check sees as `context.rule.owner`, as under Spectral. */
  owner?: { rules: Readonly<Record<string, RuleInForce>> };
}

const SEVERITIES: Record<string, number> = { error: 0, warn: 1, info: 2, hint: 3, off: -1 };
const DEFAULT_RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

interface RuleDefinitionLike {
  description?: string;
  message?: string;
  documentationUrl?: string;
  severity?: string | number;
  recommended?: boolean;
  resolved?: boolean;
  formats?: Format[];
  given: string | string[];
  then: ThenLike | ThenLike[];
  [key: string]: unknown;
}
interface ThenLike {
  function: unknown;
  functionOptions?: unknown;
  field?: string;
}

/**
 * spectral-formats' OpenAPI formats, same code, with our copy of @stoplight/json's isPlainObject: calling theirs loads
 * @stoplight/json and lodash (~0.1 s of a cold start). Other formats are called as they are.
 */
const isOas3 = (document: unknown): document is Record<string, unknown> =>
  isPlainObject(document) && 'openapi' in document && Number.parseInt(String(document.openapi)) === 3;
export const OWN_FORMATS = new Map<unknown, Format>([
  [spectralFormats.oas2, (document) => isPlainObject(document) && 'swagger' in document && parseInt(String(document.swagger)) === 2],
  [spectralFormats.oas3, isOas3],
  [spectralFormats.oas3_0, (document) => isOas3(document) && /^3\.0(?:\.[0-9]*)?$/.test(String(document.openapi))],
  [spectralFormats.oas3_1, (document) => isOas3(document) && /^3\.1(?:\.[0-9]*)?$/.test(String(document.openapi))],
]);

const KNOWN_RULE_KEYS = new Set(['description', 'message', 'documentationUrl', 'severity', 'recommended', 'resolved', 'formats', 'given', 'then', 'extensions']);

type RulesetLike = { rules?: Record<string, unknown>; extends?: unknown; [key: string]: unknown };

interface RuleState {
  rule: EngineRule;
  enabled: boolean;
  recommended: boolean;
}

/**
 * The enabled rules of a ruleset definition, with Spectral's semantics, or the reason the fast engine cannot run it
 * exactly as Spectral would (then the caller uses Spectral). Supported: a definition of rules (rules/index.ts), and one
 * that extends such definitions, at any depth (`extends: [ruleset]` or `[[ruleset, 'off' | 'recommended' | 'all']]`) and turns
 * rules on or off or changes their severity (`rules: { id: 'warn' | false | true }`). Anything else (overrides,
 * aliases, custom functions, JSONPath forms the engine does not know...) is left to Spectral.
 */
export function compileRules(definition: RulesetLike): EngineRule[] | string {
  const states = compileRuleset(definition, 'recommended', false);
  if (typeof states === 'string') return states;
  const owner = { rules: Object.fromEntries([...states].map(([name, state]) => [name, ruleInForce(state.rule)])) };
  return [...states.values()].filter((state) => state.enabled && state.rule.severity >= 0).map((state) => ({ ...state.rule, owner }));
}

/** A compiled rule in the shape Spectral's Rule gives a function (formats, given, then with the options in force). */
function ruleInForce(rule: EngineRule): RuleInForce {
  return { name: rule.name, formats: rule.formats, given: rule.givenExpressions, then: [{ function: rule.function, functionOptions: rule.options ?? undefined }] };
}

function compileRuleset(definition: RulesetLike, context: string, explicit: boolean, stack = new Set<object>()): Map<string, RuleState> | string {
  for (const key of Object.keys(definition)) {
    if (!['rules', 'description', 'documentationUrl', 'formats', 'extends'].includes(key)) return `ruleset key "${key}"`;
  }
  const states = new Map<string, RuleState>();
  const isEnabled = (state: RuleState) => context === 'all' || (context === 'recommended' && state.recommended);
  if (definition.extends !== undefined) {
    stack.add(definition);
    for (const extension of Array.isArray(definition.extends) ? definition.extends : [definition.extends]) {
      const [extended, severity] = Array.isArray(extension) ? (extension as [unknown, string]) : [extension, 'recommended'];
      if (typeof extended !== 'object' || extended === null || Array.isArray(extended)) return 'an extended ruleset that is not a definition';
      // Spectral skips a ruleset that extends one of its own extenders.
      if (stack.has(extended)) continue;
      if (!['off', 'recommended', 'all'].includes(severity)) return `extends severity ${String(severity)}`;
      const inherited = compileRuleset(extended as RulesetLike, severity, Array.isArray(extension), stack);
      if (typeof inherited === 'string') return inherited;
      for (const [name, state] of inherited) {
        states.set(name, state);
        // Spectral: rules inherited by a ruleset that was itself extended with an explicit severity take that severity.
        if (explicit) state.enabled = isEnabled(state);
      }
    }
    stack.delete(definition);
  }
  for (const [name, value] of Object.entries(definition.rules ?? {})) {
    const existing = states.get(name);
    if (typeof value === 'boolean' || typeof value === 'string' || typeof value === 'number') {
      if (!existing) return `rule ${name} is not defined`;
      if (typeof value === 'boolean') existing.enabled = value;
      else {
        const severity = diagnosticSeverity(value);
        if (severity === undefined) return `rule ${name}: severity ${String(value)}`;
        existing.rule = { ...existing.rule, severity: severity as EngineRule['severity'] };
        if (value === 'off') existing.enabled = false;
        else if (!existing.enabled) existing.enabled = true;
      }
      if (explicit) existing.enabled = isEnabled(existing);
    } else {
      if (existing) return `rule ${name} redefined`;
      const rule = compileRule(name, value as RuleDefinitionLike, definition);
      if (typeof rule === 'string') return rule;
      const state: RuleState = { rule, enabled: true, recommended: (value as RuleDefinitionLike).recommended !== false };
      state.enabled = isEnabled(state);
      states.set(name, state);
    }
    const state = states.get(name)!;
    if (typeof definition.documentationUrl === 'string' && state.rule.documentationUrl === undefined) {
      state.rule = { ...state.rule, documentationUrl: `${definition.documentationUrl}#${name}` };
    }
  }
  return states;
}

/** spectral-core's getDiagnosticSeverity. */
export function diagnosticSeverity(value: string | number): number | undefined {
  return Number.isNaN(Number(value)) ? SEVERITIES[value as string] : Number(value);
}

function compileRule(name: string, rule: RuleDefinitionLike, ruleset: RulesetLike): EngineRule | string {
  for (const key of Object.keys(rule)) if (!KNOWN_RULE_KEYS.has(key)) return `rule ${name}: key "${key}"`;
  const severity = rule.severity === undefined ? 1 : diagnosticSeverity(rule.severity);
  if (severity === undefined) return `rule ${name}: severity ${String(rule.severity)}`;
  const thens = Array.isArray(rule.then) ? rule.then : [rule.then];
  if (thens.length !== 1) return `rule ${name}: several "then"`;
  const then = thens[0]!;
  if (then.field !== undefined) return `rule ${name}: "field"`;
  const inner = (then.function as Partial<CheckedFunction> | undefined)?.[CHECK];
  if (!inner) return `rule ${name}: function not made with spectralFunction`;
  const given: Step[][] = [];
  const givenExpressions = Array.isArray(rule.given) ? rule.given : [rule.given];
  for (const expression of givenExpressions) {
    const steps = parseGiven(expression);
    if (!steps) return `rule ${name}: given ${expression}`;
    given.push(steps);
  }
  const validateInput = inputValidator(inner.schemas.input as Record<string, unknown> | null);
  if (validateInput === undefined) return `rule ${name}: input schema`;
  const formats = rule.formats ?? (ruleset.formats as Format[] | undefined) ?? null;
  return {
    name,
    description: rule.description,
    message: rule.message ?? null,
    documentationUrl: rule.documentationUrl,
    severity: severity as EngineRule['severity'],
    resolved: rule.resolved !== false,
    formats: formats ? formats.map((format) => OWN_FORMATS.get(format) ?? format) : null,
    given,
    check: inner.check,
    options: then.functionOptions ?? null,
    validateInput,
    givenExpressions,
    function: then.function,
    extensions: (rule.extensions as Record<string, unknown> | undefined) ?? null,
  };
}

/** Ajv's `type` keyword, for input schemas that only name types; undefined for anything else. */
function inputValidator(schema: Record<string, unknown> | null | undefined): InputValidator | null | undefined {
  if (schema === null || schema === undefined) return null;
  if (Object.keys(schema).some((key) => key !== 'type')) return undefined;
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  return (input) =>
    types.some((type) => {
      switch (type) {
        case 'object':
          return typeof input === 'object' && input !== null && !Array.isArray(input);
        case 'array':
          return Array.isArray(input);
        case 'string':
          return typeof input === 'string';
        case 'number':
          return typeof input === 'number' && Number.isFinite(input);
        case 'integer':
          return Number.isInteger(input);
        case 'boolean':
          return typeof input === 'boolean';
        case 'null':
          return input === null;
        default:
          return false;
      }
    });
}

/**
 * Lints one document with `rules` the way Spectral's runner would, or throws Unsupported. Results are identical to
 * Spectral's (code, message, path, severity, source, range, documentationUrl, order), which the parity test checks.
 */
export function runRules(rules: EngineRule[], main: SourceFile, readFile?: (file: string) => string): ISpectralDiagnostic[] {
  const inventory = new Inventory(main, readFile);
  const results: ISpectralDiagnostic[] = inventory.danglingRefResults().map(({ path, message }) => ({
    code: 'invalid-ref',
    path,
    message,
    severity: 0,
    range: main.rangeFor(path) ?? DEFAULT_RANGE,
    source: main.source,
  })) as ISpectralDiagnostic[];
  results.push(...main.parserWarnings.map((warning) => parserResult(warning, main.source)));
  for (const rule of rules) {
    if (rule.formats !== null && !rule.formats.some((format) => format(inventory.resolved, main.source))) continue;
    const root = rule.resolved ? inventory.resolved : main.data;
    for (const steps of rule.given) {
      for (const target of evaluateGiven(root, steps)) {
        if (rule.validateInput && !rule.validateInput(target.value)) continue;
        const context: CheckContext = { path: target.path, rule: { name: rule.name, owner: rule.owner }, documentInventory: { resolved: inventory.resolved } };
        let found: IFunctionResult[];
        try {
          found = rule.check(target.value, rule.options, context);
        } catch (error) {
          if (error instanceof Unsupported) throw error;
          throw new Unsupported(`rule ${rule.name} threw: Spectral reports that its own way`);
        }
        for (const result of found ?? []) results.push(toDiagnostic(inventory, rule, result, target.path));
      }
    }
  }
  return prepareResults(results);
}

/**
 * A parser warning as Spectral reports it (formatParserDiagnostics, then _filterParserErrors): code `parser`, the
 * message capitalised with camelCase words split, and for a non-string key the severity of the ruleset's
 * parserOptions.incompatibleValues (an error by default; rulesets with parserOptions are left to Spectral).
 */
function parserResult(warning: ParserWarning, source: string): ISpectralDiagnostic {
  let message = warning.message.replace(/^[a-z]/, (letter) => letter.toUpperCase());
  if (warning.code !== 'YAMLException') message = message.replace(/([a-z])([A-Z])/g, (_whole, end: string, start: string) => `${end} ${start.toLowerCase()}`);
  if (!message.startsWith('Mapping key must be a string scalar rather than')) throw new Unsupported(`parser warning ${warning.message}`);
  return { code: 'parser', message, path: warning.path, severity: 0, range: warning.range, source } as ISpectralDiagnostic;
}

function toDiagnostic(inventory: Inventory, rule: EngineRule, result: IFunctionResult, targetPath: JsonPath): ISpectralDiagnostic {
  const escaped = (result.path ?? targetPath).map(decodeSegmentFragment);
  const item = inventory.associate(escaped, rule.resolved);
  const path = item?.path ?? getClosestJsonPath(inventory.resolved, escaped);
  const file = item?.file ?? inventory.main;
  const range = file.rangeFor(path) ?? DEFAULT_RANGE;
  const vars: MessageVars = {
    property:
      item?.missingPropertyPath !== undefined && item.missingPropertyPath.length > path.length
        ? printDotPath(item.missingPropertyPath.slice(path.length - 1))
        : path.length > 0
          ? path[path.length - 1]!
          : '',
    error: result.message,
    path: pathToPointer(path.map((segment) => (typeof segment === 'number' ? segment : decodePointerFragment(segment)))),
    description: rule.description,
    get value() {
      return path.length === 0 ? file.data : getIn(file.data, path);
    },
  };
  const resultMessage = formatMessage(result.message, vars);
  vars.error = resultMessage;
  const message = (rule.message === null ? (rule.description ?? resultMessage) : formatMessage(rule.message, vars)).trim();
  return {
    code: rule.name,
    message,
    path,
    severity: rule.severity,
    source: file.source,
    range,
    documentationUrl: rule.documentationUrl,
  } as ISpectralDiagnostic;
}

interface MessageVars {
  property: string | number;
  error: string;
  path: string;
  description: string | undefined;
  readonly value: unknown;
}

/** Spectral's message Replacer for `{{name}}`; its `#{{expression}}` form is evaluated by Spectral only. */
export function formatMessage(input: string, vars: MessageVars): string {
  return input.replace(/#?\{\{([^}\n]+)\}\}/g, (whole: string, identifier: string) => {
    if (whole.startsWith('#')) throw new Unsupported('message expression');
    if (!(identifier in vars)) return '';
    return String((vars as unknown as Record<string, unknown>)[identifier]);
  });
}

/** spectral-runtime printPath(path, PrintStyle.Dot). */
export function printDotPath(path: JsonPath): string {
  const isNumeric = (input: string | number) => typeof input === 'number' || !Number.isNaN(Number(input));
  const bracket = (segment: string | number): string | null => {
    if (typeof segment === 'number') return `[${segment}]`;
    if (segment.length === 0) return `['']`;
    if (/\s/.test(segment)) return `['${segment}']`;
    if (isNumeric(segment)) return `[${segment}]`;
    return null;
  };
  return decodePointerFragment(path.reduce<string>((output, segment, index) => `${output}${bracket(segment) ?? `${index === 0 ? '' : '.'}${segment}`}`, ''));
}

/** Spectral's prepareResults: drop duplicates (same code, path, source, message), then sort. */
export function prepareResults(results: ISpectralDiagnostic[]): ISpectralDiagnostic[] {
  const seen = new Set<string>();
  const unique = results.filter((result) => {
    let id = String(result.code);
    id += result.path.length > 0 ? JSON.stringify(result.path) : JSON.stringify(result.range);
    if (result.source !== undefined) id += result.source;
    if (result.message !== undefined) id += result.message;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return unique.sort(compareResults);
}

const sign = (value: number) => (value < 0 ? -1 : value > 0 ? 1 : 0);

function compareResults(left: ISpectralDiagnostic, right: ISpectralDiagnostic): number {
  const bySource = compareOptional(left.source, right.source, (a, b) => a.localeCompare(b));
  if (bySource !== 0) return sign(bySource);
  const byLine = left.range.start.line - right.range.start.line;
  if (byLine !== 0) return sign(byLine);
  const byCharacter = left.range.start.character - right.range.start.character;
  if (byCharacter !== 0) return sign(byCharacter);
  const byCode = compareOptional(left.code, right.code, (a, b) => String(a).localeCompare(String(b), undefined, { numeric: true }));
  if (byCode !== 0) return sign(byCode);
  return sign(left.path.join().localeCompare(right.path.join()));
}

function compareOptional<T>(left: T | undefined, right: T | undefined, compare: (a: T, b: T) => number): number {
  if (left === undefined && right === undefined) return 0;
  if (left === undefined) return -1;
  if (right === undefined) return 1;
  return compare(left, right);
}
