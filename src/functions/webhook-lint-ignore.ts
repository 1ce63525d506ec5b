import { ignoreSites, isIgnored, LINT_IGNORE_KEY, parseLintIgnore, type IgnoreLevel, type IgnoreSite } from '../openapi/ignore';
import { isObject, ownValue, type JsonObject, type JsonPath } from '../openapi/json';
import { valueAt } from '../openapi/refs';
import { suggest } from '../suggest';
import { CHECK, ruleScope, spectralFunction, type CheckContext, type CheckedFunction, type IFunctionResult, type RuleInForce, type RuleThen } from './context';

export interface LintIgnoreOptions {
  /** Rule ids of other linters or rulesets that a spec's `x-lint-ignore` may name (vacuum reads the same key). */
  knownRules?: string[];
}

const SHAPE = 'x-lint-ignore takes a rule id, a list of rule ids, or a map of rule id to reason';

/**
 * Reports the `x-lint-ignore` values that do no good: a malformed value, an id that is not a rule of this ruleset
 * (nor listed in `knownRules`), and an ignore that suppresses nothing. The last is decided by re-running the named
 * rule's own check, as the ruleset in force defines it (its options included), on the document with that ignore taken
 * out: if no finding appears, the ignore is stale.
 *
 * The rules in force come from the run itself (`context.rule.owner`: Spectral's ruleset, or the fast engine's view of
 * the same), so a config's options count the same in our CLI and under stock Spectral. Spectral gives a ruleset no
 * step after the run, so the re-run happens here, in the function, for both.
 */
export function checkLintIgnore(_root: unknown, options: LintIgnoreOptions | null, context: CheckContext): IFunctionResult[] {
  const scope = ruleScope(context);
  const selfId = scope.ruleId;
  const extra = new Set(options?.knownRules ?? []);
  const rulesInForce = context.rule.owner?.rules;
  const knownRule = (id: string): RuleInForce | undefined => (rulesInForce && Object.prototype.hasOwnProperty.call(rulesInForce, id) ? rulesInForce[id] : undefined);
  const rerun = new Rerun(scope.root, context, knownRule);
  const results: IFunctionResult[] = [];
  const sites = ignoreSites(scope.root);

  for (const site of sites) {
    const value = ownValue(site.node, LINT_IGNORE_KEY);
    if (value === undefined) continue;
    if (isIgnored(selfId, site.node, ...site.ancestors.map((ancestor) => ancestor.node))) continue;
    const { entries, problems } = parseLintIgnore(value, [...site.jsonPath, LINT_IGNORE_KEY]);
    for (const problem of problems) results.push({ message: `${SHAPE}; found ${problem.problem}`, path: problem.jsonPath });

    for (const entry of entries) {
      if (entry.ruleId === selfId || extra.has(entry.ruleId)) continue;
      if (!knownRule(entry.ruleId)) {
        // Without the ruleset (a caller that passes no owner), no id can be judged.
        if (rulesInForce) results.push({ message: unknownMessage(entry.ruleId, Object.keys(rulesInForce)), path: entry.jsonPath });
        continue;
      }
      const covering = site.ancestors.find((ancestor) => isIgnored(entry.ruleId, ancestor.node));
      if (covering) {
        results.push({
          message: `x-lint-ignore of "${entry.ruleId}" here suppresses nothing: the x-lint-ignore on the ${where(covering.level)} already covers this ${site.level}; remove this one`,
          path: entry.jsonPath,
        });
        continue;
      }
      const verdict = rerun.suppresses(entry.ruleId, site, sites);
      if (verdict !== 'nothing') continue;
      const parent = site.ancestors[site.ancestors.length - 1];
      const wrongLevel = site.level === 'operation' && parent !== undefined && rerun.reportsAt(entry.ruleId, parent.jsonPath);
      results.push({
        message: wrongLevel
          ? `x-lint-ignore of "${entry.ruleId}" on an operation suppresses nothing: the rule reports the whole path; move the ignore to the path item`
          : `x-lint-ignore of "${entry.ruleId}" suppresses nothing: the rule reports nothing ${site.level === 'document' ? 'in this document' : `at this ${site.level}`}; remove the ignore`,
        path: entry.jsonPath,
      });
    }
  }
  return results;
}

function where(level: IgnoreLevel): string {
  return level === 'document' ? 'document root' : level;
}

function unknownMessage(id: string, knownIds: readonly string[]): string {
  const closest = suggest(id, knownIds)[0];
  const hint = closest ? ` (did you mean "${closest}"?)` : '';
  return `x-lint-ignore names "${id}", which is not a spectral-webhooks rule${hint}; fix the id, or list it in this rule's knownRules option if another linter reads it`;
}

type Verdict = 'suppresses' | 'nothing' | 'cannot-tell';

/** A rule's findings on one version of the document: key (path + message) → path. */
type Findings = Map<string, JsonPath>;

/** What taking out every ignore of one rule brings back. */
interface Unignored {
  /** Paths of the findings that appear. */
  appeared: JsonPath[];
  /** Whether one of them lies outside every ignoring node (a root server an ignored operation uses, say). */
  orphans: boolean;
}

/**
 * Re-runs rules' checks (pure functions that `spectralFunction` keeps under CHECK) on copies of the document. A copy
 * shares every node with the original except those on the JSON paths that change.
 *
 * Cost: per rule named by some ignore, two runs of its check: on the document as it is, and with every ignore of
 * that rule taken out. A finding that appears lies under the node whose ignore held it (the operation, the path
 * item), so one pair of runs settles every ignore of the rule. Only a finding outside every ignoring node (a root
 * `servers` entry reported for an ignored operation) leaves some ignores unsettled; each of those costs one more run,
 * with just that ignore taken out.
 */
class Rerun {
  private readonly original = new Map<string, Findings | undefined>();
  private readonly unignored = new Map<string, Unignored | undefined>();

  constructor(
    private readonly root: JsonObject,
    private readonly context: CheckContext,
    private readonly knownRule: (id: string) => RuleInForce | undefined,
  ) {}

  /**
   * Whether the ignore of `ruleId` at `site` keeps a finding quiet. It is judged together with the same rule's
   * ignores below it (those are reported as redundant, so they must not hold this one up).
   */
  suppresses(ruleId: string, site: IgnoreSite, sites: readonly IgnoreSite[]): Verdict {
    const unignored = this.unignoredFindings(ruleId, sites);
    if (unignored === undefined) return 'cannot-tell';
    if (unignored.appeared.some((path) => isPrefix(site.jsonPath, path))) return 'suppresses';
    if (!unignored.orphans) return 'nothing';
    const original = this.findings(ruleId);
    const after = original && this.run(ruleId, withoutIgnores(this.root, ruleId, [site, ...sites.filter((other) => other.ancestors.some((ancestor) => ancestor.node === site.node))]));
    if (!original || !after) return 'cannot-tell';
    for (const key of after.keys()) if (!original.has(key)) return 'suppresses';
    return 'nothing';
  }

  /** Whether the rule reports the node at `path` itself, as the document stands. */
  reportsAt(ruleId: string, path: JsonPath): boolean {
    const original = this.findings(ruleId);
    return original !== undefined && [...original.values()].some((found) => found.length === path.length && isPrefix(path, found));
  }

  private findings(ruleId: string): Findings | undefined {
    if (!this.original.has(ruleId)) this.original.set(ruleId, this.run(ruleId, this.root));
    return this.original.get(ruleId);
  }

  private unignoredFindings(ruleId: string, sites: readonly IgnoreSite[]): Unignored | undefined {
    if (this.unignored.has(ruleId)) return this.unignored.get(ruleId);
    const original = this.findings(ruleId);
    const ignoring = sites.filter((site) => isIgnored(ruleId, site.node));
    const after = original && this.run(ruleId, withoutIgnores(this.root, ruleId, ignoring));
    let result: Unignored | undefined;
    if (original && after) {
      const appeared = [...after].filter(([key]) => !original.has(key)).map(([, path]) => path);
      const inner = ignoring.filter((site) => site.level !== 'document');
      result = { appeared, orphans: appeared.some((path) => !inner.some((site) => isPrefix(site.jsonPath, path))) };
    }
    this.unignored.set(ruleId, result);
    return result;
  }

  /** A rule's findings on `root`; undefined when the rule cannot be re-run here. */
  private run(ruleId: string, root: JsonObject): Findings | undefined {
    const rule = this.knownRule(ruleId);
    if (!rule) return undefined;
    const found: Findings = new Map();
    // A rule whose formats do not match the document never runs on it: there is nothing for an ignore to suppress.
    if (rule.formats && ![...rule.formats].some((format) => format(root, null))) return found;
    const givens = rerunnableGivens(rule);
    if (!givens) return undefined;
    for (const then of (Array.isArray(rule.then) ? rule.then : [rule.then]) as RuleThen[]) {
      const check = (then.function as Partial<CheckedFunction>)[CHECK]?.check;
      if (typeof check !== 'function' || then.field !== undefined) return undefined;
      for (const given of givens) {
        const input = valueAt(root, given);
        if (input === undefined) continue;
        try {
          const context = { ...this.context, path: given, rule: { ...this.context.rule, name: ruleId }, documentInventory: withResolved(this.context.documentInventory, root) };
          for (const result of check(input, then.functionOptions ?? null, context) ?? []) {
            const path = result.path ?? given;
            found.set(JSON.stringify([path.map(String), result.message]), path);
          }
        } catch {
          return undefined; // a check that cannot run on this copy proves nothing either way
        }
      }
    }
    return found;
  }
}

function isPrefix(prefix: JsonPath, path: JsonPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => String(segment) === String(path[index]));
}

/** `$`, `$.paths`, `$.a.b`: the givens a re-run can evaluate without a JSONPath engine; undefined for any other. */
function rerunnableGivens(rule: RuleInForce): JsonPath[] | undefined {
  const givens: readonly unknown[] = Array.isArray(rule.given) ? rule.given : [rule.given];
  const paths: JsonPath[] = [];
  for (const given of givens) {
    if (typeof given !== 'string' || !/^\$(\.[A-Za-z_][\w-]*)*$/.test(given)) return undefined;
    paths.push(given.split('.').slice(1));
  }
  return paths;
}

/** The document inventory with another resolved document: the same object otherwise, prototype and all. */
function withResolved(inventory: CheckContext['documentInventory'], resolved: JsonObject): CheckContext['documentInventory'] {
  return Object.create(inventory as object, { resolved: { value: resolved, enumerable: true } }) as CheckContext['documentInventory'];
}

function withoutIgnores(root: JsonObject, ruleId: string, sites: readonly IgnoreSite[]): JsonObject {
  const copy = new CopyOnWrite(root);
  // Outer nodes first: replacing a path item after its operation would bring the operation's ignore back.
  for (const site of [...sites].sort((a, b) => a.jsonPath.length - b.jsonPath.length)) {
    if (!isIgnored(ruleId, site.node)) continue;
    copy.set(site.jsonPath, withoutIgnore(site.node, ruleId));
  }
  return copy.root;
}

function withoutIgnore(node: JsonObject, ruleId: string): JsonObject {
  const { [LINT_IGNORE_KEY]: value, ...rest } = node;
  let kept: unknown;
  if (typeof value === 'string') kept = value === ruleId ? undefined : value;
  else if (Array.isArray(value)) kept = value.filter((id) => id !== ruleId);
  else if (isObject(value)) kept = Object.fromEntries(Object.entries(value).filter(([id]) => id !== ruleId));
  return kept === undefined ? rest : { ...rest, [LINT_IGNORE_KEY]: kept };
}

/** A copy of a document that differs at a few JSON paths; containers on those paths are copied once, the rest shared. */
class CopyOnWrite {
  readonly root: JsonObject;
  private readonly copies = new WeakSet<object>();

  constructor(original: JsonObject) {
    this.root = { ...original };
    this.copies.add(this.root);
  }

  set(path: JsonPath, value: JsonObject): this {
    if (path.length === 0) {
      for (const key of Object.keys(this.root)) delete this.root[key];
      Object.assign(this.root, value);
      return this;
    }
    let node: Record<string | number, unknown> = this.root;
    for (const segment of path.slice(0, -1)) {
      const child = node[segment];
      if (typeof child !== 'object' || child === null) return this;
      if (!this.copies.has(child)) {
        const copy = Array.isArray(child) ? [...child] : { ...(child as JsonObject) };
        this.copies.add(copy);
        node[segment] = copy;
      }
      node = node[segment] as Record<string | number, unknown>;
    }
    node[path[path.length - 1] as string | number] = value;
    return this;
  }
}

export default spectralFunction<LintIgnoreOptions | null>(
  {
    input: { type: 'object' },
    options: {
      type: ['object', 'null'],
      properties: { knownRules: { type: 'array', items: { type: 'string', minLength: 1 } } },
      additionalProperties: false,
    },
  },
  checkLintIgnore,
);
