/**
 * Ends the process on SIGINT and SIGTERM with the shell's statuses (130, 143), through process.exit so that exit
 * handlers run: src/fs/atomic-write.ts's removes its temp file, and a write in flight leaves the old file or the new one.
 *
 * Always listening, never only while a write is in flight: a signal that arrives in a write and is dispatched just
 * after the listener is removed is lost, and the process runs on (a CI job would not stop when cancelled). The
 * atomic-write kill test caught it when write-file-atomic (through signal-exit) listened that way.
 */
export function exitOnSignals(): void {
  for (const [signal, status] of EXIT_STATUSES) {
    const handler = () => process.exit(status);
    handlers.set(signal, handler);
    process.on(signal, handler);
  }
}

const EXIT_STATUSES = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const;
const handlers = new Map<NodeJS.Signals, () => void>();

/**
 * Runs a long synchronous step (parsing a large document, the rules, planning fixes) so that SIGINT/SIGTERM end the
 * process at once, as a shell sees it (130/143), not when the step is over: a listener only runs between steps, and
 * one step on a large document takes seconds. For the step, the signals get their default action back (the listeners
 * are off); before it, a signal already caught is let in. Only for steps that write nothing, so that no temp file can
 * be left behind; writes keep the listeners, which remove the temp file on the way out.
 */
export async function interruptible<T>(step: () => T): Promise<T> {
  await letPendingSignalsIn();
  for (const [signal, handler] of handlers) process.off(signal, handler);
  try {
    return step();
  } finally {
    for (const [signal, handler] of handlers) process.on(signal, handler);
  }
}

/**
 * Lets a SIGINT/SIGTERM that came during synchronous work end the process now. Node dispatches signals in the poll
 * phase of its event loop, which a long synchronous step (parsing a large document, running the rules, planning
 * fixes) holds off: the steps call this between them, and the run before it exits. Two turns of the loop, so one poll
 * phase runs in between whatever phase this is called from. Without it, a signal during the last synchronous stretch
 * was never dispatched: the run finished with 0 or 1 as if nothing had been asked.
 */
export async function letPendingSignalsIn(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  await new Promise<void>((resolve) => setImmediate(resolve));
}
