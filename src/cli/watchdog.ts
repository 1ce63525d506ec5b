import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';

/** `--max-time` when not given: far above any real run (GitHub's 4.8 MB description lints in under 2 s). */
export const DEFAULT_MAX_TIME_MS = 10 * 60 * 1000;

export interface Watchdog {
  /** What the run works on now, for the line the watchdog prints (`spec.yaml`). */
  working(on: string): void;
}

/**
 * Ends a run that has gone past its time budget (`--max-time`) or is about to exhaust V8's heap, with one line on
 * stderr instead of a hang or a V8 out-of-memory trace. It runs in a worker thread: the main thread may be stuck in one
 * synchronous call (a user rule's catastrophic regular expression, a parse) where no timer of its own can fire. The
 * worker samples the process's resident memory (a heap near its limit shows there first) and the elapsed time; past a
 * bound it writes the line and kills the process with SIGKILL, the one way a thread can end a process that does not
 * answer (the shell sees status 137).
 *
 * Started only for runs that can take long (a large document, --fix, a config Spectral's engine runs, stdin): a worker
 * costs about 30 ms of CPU, a tenth of a small run.
 */
export function startWatchdog(maxTimeMs: number, startedAt = performance.timeOrigin): Watchdog {
  // 80 % of the heap limit (node --max-old-space-size changes it), in resident memory: V8 gives up when its old space is
  // full, which the limit overstates by the young generation, so the line must come well before.
  const heapLimit = getHeapStatistics().heap_size_limit;
  const maxMemoryBytes = Math.floor(heapLimit * 0.8);
  const worker = new Worker(WATCHDOG_SOURCE, { eval: true, workerData: { maxTimeMs, maxMemoryBytes, heapLimit, startedAt } });
  worker.unref();
  return { working: (on) => worker.postMessage(on) };
}

/** The worker: plain JavaScript, evaluated (the CLI is bundled into one file, so there is no module path to give). */
const WATCHDOG_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const { maxTimeMs, maxMemoryBytes, heapLimit, startedAt } = workerData;
let on = '';
parentPort.on('message', (name) => { on = name; });
parentPort.unref();
const stop = (why) => {
  writeSync(2, 'spectral-webhooks: ' + (on ? on + ': ' : '') + why + '\\n');
  process.kill(process.pid, 'SIGKILL');
};
const mb = (bytes) => Math.round(bytes / 1024 / 1024) + ' MB';

setInterval(() => {
  const elapsed = Date.now() - startedAt;
  if (elapsed > maxTimeMs) {
    stop('stopped after ' + Math.round(elapsed / 1000) + ' s, past --max-time ' + Math.round(maxTimeMs / 1000) + 's (a custom rule with a slow pattern, or a document too large to lint in time; raise it with --max-time)');
  }
  const rss = process.memoryUsage.rss();
  if (rss > maxMemoryBytes) {
    stop('stopped at ' + mb(rss) + ' of memory, near the ' + mb(heapLimit) + ' heap limit (a document too large, or one that expands; node --max-old-space-size raises the limit)');
  }
}, 100);
`;

/** Parses `--max-time` values: `90` or `90s` (seconds), `5m`, `500ms`. */
export function parseDuration(value: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/i.exec(value);
  if (!match) return undefined;
  const unit = (match[2] ?? 's').toLowerCase();
  const ms = Number(match[1]) * (unit === 'ms' ? 1 : unit === 'm' ? 60_000 : 1000);
  return Number.isFinite(ms) && ms > 0 ? Math.ceil(ms) : undefined;
}
