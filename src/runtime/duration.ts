import { InvalidArgumentError } from 'commander';

/** `500ms`, `5s`, `2m`, or a bare number of seconds → milliseconds (commander argParser). */
export function parseDuration(value: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(value.trim());
  if (!match) throw new InvalidArgumentError('expected a duration such as 500ms, 5s or 2m');
  const amount = Number(match[1]);
  const unit = match[2] ?? 's';
  const ms = unit === 'ms' ? amount : unit === 's' ? amount * 1000 : amount * 60_000;
  if (ms <= 0) throw new InvalidArgumentError('expected a duration above zero');
  return Math.round(ms);
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}
