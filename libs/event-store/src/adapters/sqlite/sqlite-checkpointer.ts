import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';

/**
 * The checkpointing thread's body, as source (it runs with `eval`, so compiled and test builds
 * start it alike). On a connection of its own it copies the write-ahead log back into the
 * database file (PASSIVE: it never blocks a writer or a reader), soon again while the log is in
 * use, less and less often while it is not. SQLite starts a log over only once all of it is
 * copied, which under steady writes a passive copy never catches: past `restartPages` it
 * makes the writer wait for the last few frames (RESTART), and the next write starts the log over.
 */
const CHECKPOINTER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = ' + workerData.restartWaitMs);
db.pragma('synchronous = FULL');
let timer;
let delayMs = workerData.busyMs;
let last = '';
function checkpoint() {
  try {
    let [{ log, checkpointed }] = db.pragma('wal_checkpoint(PASSIVE)');
    if (log >= workerData.restartPages) {
      // Copied nearly all of it already: the writer waits only for the rest, then starts over.
      [{ log, checkpointed }] = db.pragma('wal_checkpoint(RESTART)');
    }
    // The log grew, was copied further or was started over since the last look: it is in use.
    const state = log + ':' + checkpointed;
    delayMs = state !== last ? workerData.busyMs : Math.min(delayMs * 2, workerData.idleMs);
    last = state;
  } catch {
    // Busy (another connection checkpoints) or the file is going away: try again later.
    delayMs = Math.min(delayMs * 2, workerData.idleMs);
  }
  timer = setTimeout(checkpoint, delayMs);
}
parentPort.on('message', () => {
  clearTimeout(timer);
  db.close();
  parentPort.close();
});
parentPort.postMessage('ready');
checkpoint();
`;

/**
 * Pages of log past which the thread makes the writer wait for the rest and starts the log over.
 * Each start-over holds writers for the database file's fsync: at 64 writers, starting over every
 * 1,000 pages (every seven or so group commits) made opening a group take 0.44–1.21 ms on
 * average; every 10,000 pages (a 40 MB log), 0.07–0.14 ms.
 */
const RESTART_PAGES = 10_000;
/** Pages of log at which the writing connection checkpoints itself if the thread falls behind. */
const BACKSTOP_PAGES = 4 * RESTART_PAGES;
/** SQLite's own default, while no thread checkpoints. */
const DEFAULT_PAGES = 1000;

/**
 * Checkpoints the log of a file store in a thread of its own, so that copying the write-ahead log
 * into the database file, and its fsync, leave the writer's event loop. While the thread runs,
 * the writing connection checkpoints only when the log has grown past a backstop; when the
 * thread cannot start or stops, it goes back to SQLite's default.
 */
export class SqliteCheckpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;
  private closing?: Promise<void>;

  constructor(
    private readonly writer: Database,
    path: string,
    timing = { busyMs: 5, idleMs: 500, restartPages: RESTART_PAGES, restartWaitMs: 100 },
  ) {
    this.worker = new Worker(CHECKPOINTER_SOURCE, {
      eval: true,
      workerData: { path, driver: require.resolve('better-sqlite3'), ...timing },
    });
    // A background helper: it never keeps the process alive.
    this.worker.unref();
    this.worker.on('message', () => this.autocheckpoint(BACKSTOP_PAGES));
    // An error in the thread is followed by its exit, where checkpointing goes back to SQLite.
    this.worker.on('error', () => undefined);
    this.exited = new Promise((resolve) =>
      this.worker.on('exit', () => {
        this.autocheckpoint(DEFAULT_PAGES);
        resolve();
      }),
    );
  }

  /** Stops the thread, which closes its connection first. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.worker.ref();
      this.worker.postMessage('close');
      await this.exited;
    })();
    return this.closing;
  }

  private autocheckpoint(pages: number): void {
    if (this.writer.open) this.writer.pragma(`wal_autocheckpoint = ${pages}`);
  }
}
