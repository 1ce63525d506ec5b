/**
 * Ends the process on SIGINT and SIGTERM with the shell's statuses (130, 143), through process.exit so that exit
 * handlers run: src/fs/atomic-write.ts's removes its temp file, and a write in flight leaves the old file or the new one.
 *
 * Always listening, never only while a write is in flight: a signal that arrives in a write and is dispatched just
 * after the listener is removed is lost, and the process runs on (a CI job would not stop when cancelled). The
 * atomic-write kill test caught it when write-file-atomic (through signal-exit) listened that way.
 */
export function exitOnSignals(): void {
  for (const [signal, status] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.on(signal, () => process.exit(status));
  }
}
