import { writeSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';

/** `--max-time` when not given: far above any real run (GitHub's 4.8 MB description lints in under 2 s). */
export const DEFAULT_MAX_TIME_MS = 10 * 60 * 1000;

export interface Watchdog {
  /** What the run works on now, for the line the watchdog prints (`spec.yaml`). */
  working(on: string): void;
}

const RAISE_THE_LIMIT = '(a document too large, or one that expands; node --max-old-space-size raises the limit)';

/**
 * Ends a run that exhausts V8's heap or goes past its time budget (`--max-time`) with one line on stderr, instead of
 * V8's out-of-memory trace or a hang.
 *
 * The heap: V8 lets garbage pile up until the heap nears its limit, so the process's memory says little about what a
 * run holds (a 21 MB YAML `--fix-dry-run` shows 2.6 GB on a 4 GB heap, yet finishes in a 1 000 MB one, at 97 % of it).
 * Only V8 knows when it is out of heap, and it tells a debugger: while an inspector session has the Debugger domain
 * enabled, V8, where it would end the process with its trace, raises the limit and pauses the thread with reason "OOM"
 * (Chrome DevTools' "paused before potential out-of-memory crash"). A session on the main thread itself hears that
 * pause at once, at a point where JavaScript runs, and exits 2 through process.exit, so exit handlers run (a --fix
 * temp file is removed). Its other pauses (`debugger` statements) are skipped. Enabling it costs about 25 ms of CPU.
 *
 * The rest is watched from a worker thread, because the main thread may be stuck in one synchronous call (a user
 * rule's catastrophic regular expression, a parse) where nothing of its own can run: the time budget; resident memory
 * far past the heap limit (a main thread inside one native call that keeps allocating on V8's raised limit, never
 * reaching the pause); and, in a Node without the inspector, resident memory past 80 % of the heap limit, an estimate
 * that also stops some runs that fit. Past a bound the worker writes the line and kills the process with SIGKILL, the
 * one way a thread can end a process that does not answer (the shell sees status 137).
 *
 * Started only for runs that can take long (a large document, --fix, a config Spectral's engine runs, stdin): a worker
 * costs about 30 ms of CPU, a tenth of a small run.
 */
export function startWatchdog(maxTimeMs: number, startedAt = performance.timeOrigin): Watchdog {
  const heapLimit = getHeapStatistics().heap_size_limit;
  let on = '';
  const outOfHeapLine = () => `spectral-webhooks: ${on ? `${on}: ` : ''}stopped: out of memory at the ${mb(heapLimit)} heap limit ${RAISE_THE_LIMIT}\n`;
  const heapWatched = exitOnOutOfHeap(outOfHeapLine);
  const memory = heapWatched
    ? { maxBytes: process.memoryUsage.rss() + 2 * heapLimit, words: 'far past the' }
    : { maxBytes: Math.floor(heapLimit * 0.8), words: 'near the' };
  const worker = new Worker(WATCHDOG_SOURCE, { eval: true, workerData: { maxTimeMs, memory, heapLimit, startedAt, raise: RAISE_THE_LIMIT } });
  worker.unref();
  return {
    working: (name) => {
      on = name;
      worker.postMessage(name);
    },
  };
}

/** Has V8 pause this thread where it would run out of heap, and exits 2 there with `line()`; false without an inspector. */
function exitOnOutOfHeap(line: () => string): boolean {
  try {
    // Required here: in a Node built without the inspector, loading it throws.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Session } = require('node:inspector') as typeof import('node:inspector');
    const session = new Session();
    session.connect();
    session.on('Debugger.paused', ({ params }) => {
      if (params.reason !== 'OOM') return;
      writeSync(2, line());
      process.exit(2);
    });
    // A session on its own thread answers within post: enabled is set when post returns.
    let enabled = false;
    session.post('Debugger.enable', (error) => (enabled = !error));
    session.post('Debugger.setSkipAllPauses', { skip: true });
    return enabled;
  } catch {
    return false; // no inspector in this Node, or a permission model that refuses it
  }
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The worker: plain JavaScript, evaluated (the CLI is bundled into one file, so there is no module path to give). */
const WATCHDOG_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const { maxTimeMs, memory, heapLimit, startedAt, raise } = workerData;
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
  if (rss > memory.maxBytes) {
    stop('stopped at ' + mb(rss) + ' of memory, ' + memory.words + ' ' + mb(heapLimit) + ' heap limit ' + raise);
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
