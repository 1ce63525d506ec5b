import { kebabCaseConsumerPath, unspellableInConsumerPath } from '../functions/webhook-path-kebab-case';
import { suggestedReceiverPath, type WebhookPathPrefixOptions } from '../functions/webhook-path-prefix';
import { isObject, type JsonPath } from '../openapi/json';
import { escapePointerSegment, valueAt, type DocumentFiles } from './document-files';
import { FixRefusal, type Edit } from './editable-file';
import { FIXABLE_RULES } from './fixable';
import { endpointsServedBy, nonConsumerEndpoints, type Endpoint } from './served-endpoints';

/** What the linter reported, reduced to what a fix needs: which rule, and which node of which file. */
export interface Finding {
  ruleId: string;
  /** Absolute path of the file the node lives in (the result's `source`). */
  file: string;
  /** JSON path of the node in that file. */
  path: JsonPath;
}

export interface FileEdit {
  file: string;
  edit: Edit;
}

/** What a fix does to the data (as opposed to the text): lets tests check that nothing else changed. */
export type DataChange =
  | { kind: 'rename-key'; file: string; path: JsonPath; newKey: string }
  | { kind: 'set'; file: string; path: JsonPath; value: unknown }
  | { kind: 'remove-item'; file: string; path: JsonPath };

export interface PlannedFix {
  finding: Finding;
  /** What the fix does, for people: `renamed "/hooks/a" to "/_webhooks/a"`. */
  description: string;
  edits: FileEdit[];
  changes: DataChange[];
}

export interface Refusal {
  finding: Finding;
  reason: string;
}

export interface PlanOptions {
  /** webhook-path-prefix's options in the ruleset in force, so the fix moves a path where the message said. */
  prefixOptions?: WebhookPathPrefixOptions | null;
}

/**
 * One fix per fixable finding, each computed against the files as they are now. Findings of other rules are not
 * looked at; a finding that cannot be fixed safely gets a reason instead.
 */
export function planFixes(findings: Finding[], files: DocumentFiles, options: PlanOptions = {}): { fixes: PlannedFix[]; refused: Refusal[] } {
  const fixes: PlannedFix[] = [];
  const refused: Refusal[] = [];
  const renameTargets = new Map<string, Set<string>>();
  for (const finding of findings) {
    if (!FIXABLE_RULES.has(finding.ruleId)) continue;
    try {
      const fix = planOne(finding, files, options, renameTargets);
      const changesText = fix.edits.some(({ file, edit }) => files.get(file)?.text.slice(edit.offset, edit.offset + edit.length) !== edit.content);
      if (!changesText) throw new FixRefusal('the fix would change nothing here; the linter sees another value (a YAML merge key?)');
      fixes.push(fix);
    } catch (error) {
      if (!(error instanceof FixRefusal)) throw error;
      refused.push({ finding, reason: error.reason });
    }
  }
  return { fixes, refused };
}

function planOne(finding: Finding, files: DocumentFiles, options: PlanOptions, renameTargets: Map<string, Set<string>>): PlannedFix {
  switch (finding.ruleId) {
    case 'webhook-path-kebab-case':
      return planRename(finding, files, renameTargets, (pathKey) => {
        // Refused rather than renamed with characters dropped: the producer calls the path it was given.
        const unspellable = unspellableInConsumerPath(pathKey);
        if (unspellable.length > 0) {
          throw new FixRefusal(`"${pathKey}" holds ${unspellable.map((character) => `"${character}"`).join(', ')}, which kebab-case cannot spell; rename it by hand`);
        }
        return kebabCaseConsumerPath(pathKey);
      });
    case 'webhook-path-prefix':
      return planRename(finding, files, renameTargets, (pathKey) => {
        // The same suggestion the finding's message gave; a path that names no producer is left to a person.
        const suggestion = suggestedReceiverPath(pathKey, options.prefixOptions);
        if ('refusal' in suggestion) throw new FixRefusal(suggestion.refusal);
        return suggestion.path;
      });
    case 'webhook-x-internal':
      return planXInternal(finding, files);
    case 'webhook-https':
      return planHttps(finding, files);
    default:
      throw new FixRefusal('no automatic fix for this rule');
  }
}

function fileOf(files: DocumentFiles, finding: Finding) {
  const file = files.get(finding.file);
  if (!file) throw new FixRefusal('the file cannot be read or parsed');
  return file;
}

/** Moves a path item to a new key, and every `$ref`/`operationRef` to it, in every file of the document. */
function planRename(
  finding: Finding,
  files: DocumentFiles,
  renameTargets: Map<string, Set<string>>,
  newKeyFor: (pathKey: string, allPaths: string[]) => string | undefined,
): PlannedFix {
  const file = fileOf(files, finding);
  const pathKey = finding.path[finding.path.length - 1];
  const pathsPath = finding.path.slice(0, -1);
  const paths = valueAt(file.data, pathsPath);
  if (typeof pathKey !== 'string' || !isObject(paths)) throw new FixRefusal('the finding does not point at a path');
  const allPaths = Object.keys(paths);
  const newKey = newKeyFor(pathKey, allPaths);
  if (newKey === undefined || newKey === pathKey) throw new FixRefusal('no better path to move it to');
  const taken = renameTargets.get(file.path) ?? new Set<string>();
  if (allPaths.includes(newKey)) throw new FixRefusal(`cannot rename "${pathKey}" to "${newKey}": that path already exists; merge the two by hand`);
  if (taken.has(newKey)) throw new FixRefusal(`cannot rename "${pathKey}" to "${newKey}": another path is being renamed to it; merge the two by hand`);

  const edits: FileEdit[] = file.renameKey(finding.path, newKey).map((edit) => ({ file: file.path, edit }));
  const changes: DataChange[] = [{ kind: 'rename-key', file: file.path, path: finding.path, newKey }];
  let references = 0;
  for (const reference of files.references()) {
    if (reference.targetFile !== file.path) continue;
    const pointsAt = reference.pointer.slice(0, pathsPath.length + 1);
    if (pointsAt.length !== finding.path.length || !pointsAt.every((segment, index) => segment === String(finding.path[index]))) continue;
    const newPointer = [...pathsPath.map(String), newKey, ...reference.pointer.slice(pathsPath.length + 1)];
    const hash = reference.value.indexOf('#');
    const oldFragment = reference.value.slice(hash + 1);
    let fragment = '/' + newPointer.map(escapePointerSegment).join('/');
    if (/%[0-9a-f]{2}/i.test(oldFragment)) fragment = encodeURI(fragment);
    const referencing = files.get(reference.file);
    try {
      if (!referencing) throw new FixRefusal('the file cannot be read');
      const value = reference.value.slice(0, hash + 1) + fragment;
      for (const edit of referencing.replaceString(reference.path, value)) edits.push({ file: reference.file, edit });
      changes.push({ kind: 'set', file: reference.file, path: reference.path, value });
    } catch (error) {
      if (!(error instanceof FixRefusal)) throw error;
      throw new FixRefusal(`cannot rename "${pathKey}": its reference at ${reference.path.join('.')} cannot be updated (${error.reason})`);
    }
    references += 1;
  }
  taken.add(newKey);
  renameTargets.set(file.path, taken);
  const also = references === 0 ? '' : ` and ${references} reference${references === 1 ? '' : 's'} to it`;
  return { finding, description: `renamed "${pathKey}" to "${newKey}"${also}`, edits, changes };
}

function planXInternal(finding: Finding, files: DocumentFiles): PlannedFix {
  const file = fileOf(files, finding);
  const last = finding.path[finding.path.length - 1];
  const onFile = (edits: Edit[]) => edits.map((edit) => ({ file: file.path, edit }));
  const holder = last === 'x-internal' ? finding.path.slice(0, -1) : finding.path;
  const changes: DataChange[] = [{ kind: 'set', file: file.path, path: [...holder, 'x-internal'], value: true }];
  if (last === 'x-internal' && file.hasOwnKey(holder, 'x-internal')) {
    const current = valueAt(file.data, finding.path);
    return { finding, description: `replaced x-internal: ${JSON.stringify(current)} with true`, edits: onFile(file.replaceWithBoolean(finding.path, true)), changes };
  }
  // Missing, or coming through a YAML merge key (an own key overrides it).
  if (!isObject(valueAt(file.data, holder))) throw new FixRefusal('the finding does not point at an operation');
  return { finding, description: 'set x-internal: true', edits: onFile(file.insertBooleanProperty(holder, 'x-internal', true)), changes };
}

function planHttps(finding: Finding, files: DocumentFiles): PlannedFix {
  const file = fileOf(files, finding);
  const path = finding.path;
  const onFile = (edits: Edit[]) => edits.map((edit) => ({ file: file.path, edit }));
  const value = valueAt(file.data, path);
  const serversAt = path.lastIndexOf('servers');
  const isSchemeItem = path.length >= 2 && path[path.length - 2] === 'schemes' && typeof path[path.length - 1] === 'number';

  if (isSchemeItem) {
    const holder = path.slice(0, -2);
    refuseIfShared(endpointsServedBy(files, { file: file.path, path: holder }, 'schemes'), 'schemes', 'give the receiver operations their own schemes: [https]');
    const schemes = valueAt(file.data, path.slice(0, -1));
    const index = path[path.length - 1] as number;
    if (Array.isArray(schemes) && schemes.some((scheme) => typeof scheme === 'string' && scheme.toLowerCase() === 'https')) {
      return { finding, description: 'removed "http" from schemes', edits: onFile(file.removeItem(path.slice(0, -1), index)), changes: [{ kind: 'remove-item', file: file.path, path }] };
    }
    return { finding, description: 'replaced scheme "http" with "https"', edits: onFile(file.replaceString(path, 'https')), changes: [{ kind: 'set', file: file.path, path, value: 'https' }] };
  }

  if (serversAt !== -1 && typeof path[serversAt + 1] === 'number' && typeof value === 'string') {
    const holder = path.slice(0, serversAt);
    const rest = path.slice(serversAt + 2);
    refuseIfShared(endpointsServedBy(files, { file: file.path, path: holder }, 'servers'), 'this server', 'give the receivers a server of their own (servers on their path items) with https://');
    const secure = value.replace(/^(\s*)http(?=:|$)/i, '$1https');
    if (secure === value) throw new FixRefusal('the value does not start with http');
    const isEnumItem = rest.length === 4 && rest[0] === 'variables' && rest[2] === 'enum';
    if (isEnumItem) {
      const values = valueAt(file.data, path.slice(0, -1));
      if (Array.isArray(values) && values.includes(secure)) {
        const edits = onFile(file.removeItem(path.slice(0, -1), path[path.length - 1] as number));
        return { finding, description: `removed "${value}" from the server variable's enum`, edits, changes: [{ kind: 'remove-item', file: file.path, path }] };
      }
    }
    const changes: DataChange[] = [{ kind: 'set', file: file.path, path, value: secure }];
    return { finding, description: `replaced "${value}" with "${secure}"`, edits: onFile(file.replaceString(path, secure)), changes };
  }

  if (path.length === 1 && path[0] === 'host') throw new FixRefusal('the document names no schemes; add schemes: [https]');
  throw new FixRefusal('not a server URL or scheme');
}

function refuseIfShared(served: Endpoint[], what: string, advice: string): void {
  if (served.length === 0) throw new FixRefusal(`cannot tell which endpoints ${what} serves`);
  const others = nonConsumerEndpoints(served);
  if (others.length === 0) return;
  const names = others.slice(0, 3).map((endpoint) => (endpoint.method === '*' ? endpoint.pathKey : `${endpoint.method} ${endpoint.pathKey}`));
  const more = others.length > 3 ? ` and ${others.length - 3} more` : '';
  throw new FixRefusal(`${what} also serves ${names.join(', ')}${more}, which are not under /_webhooks/; ${advice}`);
}
