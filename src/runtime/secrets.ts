import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { ToolError } from '../errors';

/**
 * Where a secret comes from: `env:NAME` or `file:PATH`, optionally scoped to one security scheme or signature header
 * (`bearerAuth=env:TOKEN`, `webhook-signature=file:whsec.txt`). A secret written on the command line itself is refused:
 * every user of the machine can read a process's arguments (ps, /proc).
 */
export interface SecretSource {
  /** The scheme or header it is for (compared case-insensitively); undefined: every one that needs a secret. */
  scope?: string;
  from: 'env' | 'file';
  name: string;
}

const SOURCE = /^(?:([^=]+)=)?(env|file):(.+)$/;

/** Commander's argParser for a repeatable `--secret`. */
export function collectSecret(value: string, previous: SecretSource[] = []): SecretSource[] {
  const match = SOURCE.exec(value);
  if (!match) {
    throw new InvalidArgumentError(
      'give where the secret is, not the secret: env:NAME or file:PATH, optionally for one scheme (bearerAuth=env:TOKEN); arguments are visible to every user of the machine',
    );
  }
  return [...previous, { scope: match[1], from: match[2] as 'env' | 'file', name: match[3] as string }];
}

/** The secrets a run was given, read on first use so that a missing one is named exactly when it is needed. */
export class Secrets {
  private readonly cache = new Map<SecretSource, string>();

  constructor(
    private readonly sources: SecretSource[],
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly cwd: string = process.cwd(),
  ) {}

  /** The source for `scope`: one scoped to it, else an unscoped one. */
  sourceFor(scope: string): SecretSource | undefined {
    const wanted = scope.toLowerCase();
    return this.sources.find((source) => source.scope?.toLowerCase() === wanted) ?? this.sources.find((source) => source.scope === undefined);
  }

  /** The secret for `scope`; a ToolError (exit 2) naming what to pass when there is none. */
  get(scope: string, what: string): string {
    const source = this.sourceFor(scope);
    if (source === undefined) {
      throw new ToolError(`${what} needs a secret: pass --secret ${scope}=env:NAME (or file:PATH), never the secret itself`);
    }
    const cached = this.cache.get(source);
    if (cached !== undefined) return cached;
    const value = source.from === 'env' ? this.fromEnv(source.name) : this.fromFile(source.name);
    this.cache.set(source, value);
    return value;
  }

  private fromEnv(name: string): string {
    const value = this.env[name];
    if (value === undefined || value === '') throw new ToolError(`--secret env:${name}: the environment variable ${name} is not set`);
    return value;
  }

  private fromFile(path: string): string {
    let text: string;
    try {
      text = readFileSync(resolve(this.cwd, path), 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ToolError(`--secret file:${path}: cannot read the file (${code === 'ENOENT' ? 'it does not exist' : code ?? 'unreadable'})`);
    }
    // A trailing newline is the editor's, not the secret's.
    const value = text.replace(/\r?\n$/, '');
    if (value === '') throw new ToolError(`--secret file:${path}: the file is empty`);
    return value;
  }
}
