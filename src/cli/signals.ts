/**
 * Ends the process on SIGINT and SIGTERM with the shell's statuses (130, 143), through process.exit so that exit
 * handlers run: write-file-atomic's removes its temp file, and a write in flight leaves the old file or the new one.
 *
 * Without a listener of our own, write-file-atomic (through signal-exit) listens only while a write is in flight and
 * stops listening when it ends: a signal that arrives in the write and is dispatched just after it finds no listener
 * and is lost, and the process runs on (a CI job would not stop when cancelled). The atomic-write kill test caught it.
 */
export function exitOnSignals(): void {
  for (const [signal, status] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.on(signal, () => process.exit(status));
  }
}
