import type { Database, Statement } from 'better-sqlite3';
import { OutcomeUnknownError, StoreUnavailableError } from '../../event-store.errors';
import { AppendResult, StreamAppend } from '../../event-store.port';
import { SealedAppend } from '../../seal-append';

const ENGINE = 'sqlite';

/** One caller's append or appendMany, waiting for the next group commit. */
export interface PendingAppend {
  appends: readonly StreamAppend[];
  /** When the store received it: the events' recordedAt, whether sealed early or in the commit. */
  recordedAt: string;
  /**
   * Sealed when it was enqueued, against the heads this process last wrote, so that serializing
   * and hashing stay out of the write transaction; used only if the head found there is that one.
   */
  presealed: ReadonlyArray<SealedAppend | undefined>;
  /** What the last run in a transaction wrote (the heads to remember once it is committed). */
  written?: SealedAppend[];
  resolve: (results: AppendResult[]) => void;
  reject: (error: unknown) => void;
}

/** Rolled back with the group through no fault of its own: run again in the next transaction. */
const AGAIN = Symbol('again');
type Outcome = AppendResult[] | Error | typeof AGAIN;

/**
 * Group commit: the appends that arrive while a commit is being prepared are committed together
 * in one transaction (one fsync for many appends), so a refused append never affects the others.
 * The group runs first optimistically: no savepoints, and only the checks the unique indexes make
 * (see `appendNow`). When any append of it fails, the transaction is rolled back and the group
 * runs again with every check, each append in a savepoint of its own.
 *
 * SQLite rolls the whole transaction back on some engine errors (SQLITE_FULL, I/O errors), and
 * what would run after that would run outside any transaction. So after such an error the append
 * that met it fails, and every other append of the group, undone or not run yet, goes again in a
 * fresh transaction: what each caller is told is what is on disk.
 */
export class SqliteGroupCommit {
  private queue: PendingAppend[] = [];
  private scheduled = false;
  private readonly begin: Statement;
  private readonly commit: Statement;
  private readonly rollback: Statement;
  private readonly inSavepoint: (pending: PendingAppend) => AppendResult[];

  constructor(
    private readonly db: Database,
    /** Optimistic: the first run, where any refusal makes the whole group run again. */
    private readonly appendNow: (pending: PendingAppend, optimistic: boolean) => AppendResult[],
    /** Called at the start of each group transaction, under the write lock. */
    private readonly groupBegun: () => void,
    private readonly maxGroupSize: number,
    private readonly onCommitted: (committed: readonly PendingAppend[]) => void,
  ) {
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
    // Called inside the group's transaction, better-sqlite3 runs it in a savepoint.
    this.inSavepoint = db.transaction((pending: PendingAppend) => appendNow(pending, false));
  }

  get busy(): boolean {
    return this.scheduled;
  }

  enqueue(
    appends: readonly StreamAppend[],
    recordedAt: string,
    presealed: PendingAppend['presealed'],
  ): Promise<AppendResult[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ appends, recordedAt, presealed, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const group = this.queue.splice(0, this.maxGroupSize);
    const outcomes = this.commitGroup(group);
    const again: PendingAppend[] = [];
    const committed: PendingAppend[] = [];
    group.forEach((pending, i) => {
      const outcome = outcomes[i];
      if (outcome === AGAIN) again.push(pending);
      else if (outcome instanceof Error) pending.reject(outcome);
      else {
        committed.push(pending);
        pending.resolve(outcome);
      }
    });
    if (committed.length > 0) this.onCommitted(committed);
    this.queue.unshift(...again);
    if (this.queue.length > 0) setImmediate(() => this.flush());
    else this.scheduled = false;
  }

  private commitGroup(group: PendingAppend[]): Outcome[] {
    const refused = this.beginGroup(group);
    if (refused) return refused;
    let outcomes: Outcome[] | undefined = this.runOptimistically(group);
    if (!outcomes) {
      if (this.db.inTransaction) this.rollback.run();
      const refusedAgain = this.beginGroup(group);
      if (refusedAgain) return refusedAgain;
      outcomes = this.runInSavepoints(group);
      if (!this.db.inTransaction) return outcomes;
    }
    try {
      this.commit.run();
      return outcomes;
    } catch (error) {
      if (this.db.inTransaction) this.rollback.run();
      // A failed fsync may leave the commit in the write-ahead log, to be found at the next
      // open: the outcome is unknown. Any other failure to commit is a rollback.
      const failure = isIoError(error)
        ? new OutcomeUnknownError(ENGINE, firstLine(error), { cause: error })
        : unavailable(error);
      return outcomes.map((o) => (o instanceof Error ? o : failure));
    }
  }

  /** Opens the group's transaction; the group's outcomes when the engine refuses to. */
  private beginGroup(group: PendingAppend[]): Outcome[] | undefined {
    try {
      this.begin.run();
    } catch (error) {
      return group.map(() => unavailable(error));
    }
    this.groupBegun();
    return undefined;
  }

  /** The group's outcomes, or undefined when any append of it failed. */
  private runOptimistically(group: PendingAppend[]): AppendResult[][] | undefined {
    const outcomes: AppendResult[][] = [];
    try {
      for (const pending of group) outcomes.push(this.appendNow(pending, true));
    } catch {
      return undefined;
    }
    return outcomes;
  }

  /**
   * Each append in a savepoint of its own. When the engine rolled the whole transaction back, the
   * outcomes are final (the others go again) and no transaction is left open.
   */
  private runInSavepoints(group: PendingAppend[]): Outcome[] {
    const outcomes: Outcome[] = [];
    for (const pending of group) {
      try {
        outcomes.push(this.inSavepoint(pending));
      } catch (error) {
        if (this.db.inTransaction) {
          // Only this append's savepoint was rolled back.
          outcomes.push(isEngineError(error) ? unavailable(error) : asError(error));
          continue;
        }
        // The engine rolled the whole transaction back: the appends before this one are undone,
        // the ones after it have not run.
        outcomes.push(unavailable(error));
        return group.map((_, i) =>
          i < outcomes.length && outcomes[i] instanceof Error ? outcomes[i] : AGAIN,
        );
      }
    }
    return outcomes;
  }
}

function unavailable(error: unknown): StoreUnavailableError {
  return new StoreUnavailableError(ENGINE, firstLine(error), { cause: error });
}

/** SQLite's own failures (disk full, I/O, busy…), as opposed to a refused append or a bug. */
function isEngineError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' && code.startsWith('SQLITE_') && !code.startsWith('SQLITE_CONSTRAINT')
  );
}

function isIoError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_IOERR');
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
