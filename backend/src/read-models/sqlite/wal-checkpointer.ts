import type { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';

/** How often the thread looks whether the read models' WAL has grown since its last checkpoint. */
const CHECK_EVERY_MS = 250;

/**
 * The thread's code, plain JavaScript (it runs from the built backend and under the tests
 * alike). A PASSIVE checkpoint copies what it can to the database file without taking the
 * write lock or waiting for readers, as SQLite's automatic one does; it runs only when the
 * WAL file was written since the last one, so an idle file costs a stat per interval.
 */
const CHECKPOINTER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { statSync } = require('node:fs');
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.file, { timeout: 0 });
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const wal = workerData.file + '-wal';
let checkpointedAt = -1n;
setInterval(() => {
  const written = statSync(wal, { bigint: true, throwIfNoEntry: false })?.mtimeNs;
  if (written === undefined || written === checkpointedAt) return;
  try {
    checkpoint.get();
    checkpointedAt = written;
  } catch (error) {
    // Another process's checkpoint is running: the next look tries again.
    if ((error.errcode & 0xff) !== 5) throw error;
  }
}, workerData.everyMs);
`;

/**
 * Checkpoints a read-model file's WAL on a thread of its own. SQLite's automatic checkpoint
 * runs inside the commit that takes the WAL past 1,000 pages, on the committing thread,
 * and syncs the file twice: on a running backend that was the event loop, stopped for
 * 8 ms on average, 143 times (1.1 s in all) in one run of the ballot benchmark.
 * The connection given loses its automatic checkpoint while this thread runs, and gets it
 * back if the thread stops, so the WAL never grows without bound.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private closing = false;

  /** @param onStopped told when the thread stops on its own, after the automatic checkpoint is back. */
  constructor(
    file: string,
    db: DatabaseSync,
    onStopped: (error: unknown) => void = (error) =>
      process.emitWarning(`${String(error)}; the read models' commits checkpoint again`),
  ) {
    db.exec('PRAGMA wal_autocheckpoint = 0');
    this.worker = new Worker(CHECKPOINTER_SOURCE, {
      eval: true,
      name: 'checkpointer',
      workerData: { file, everyMs: CHECK_EVERY_MS },
    });
    // The thread must not keep the process alive.
    this.worker.unref();
    let stopped = false;
    const stop = (error: unknown) => {
      if (this.closing || stopped) return;
      stopped = true;
      if (db.isOpen) db.exec('PRAGMA wal_autocheckpoint = 1000');
      onStopped(error);
    };
    this.worker.on('error', stop);
    this.worker.on('exit', (code) => stop(new Error(`the read models' checkpointer stopped (exit code ${code})`)));
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.worker.terminate();
  }
}
