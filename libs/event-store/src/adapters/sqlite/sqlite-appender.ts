import type { Database, Statement } from 'better-sqlite3';
import { DuplicateEventIdError } from '../../event-store.errors';
import { AppendResult, NewEvent, StreamAppend } from '../../event-store.port';
import { SealedAppend, sealAppend, StreamHead } from '../../seal-append';
import { PendingAppend, SqliteGroupCommit } from './sqlite-group-commit';
import { encodeSqlitePosition } from './sqlite-position';
import { headAfter, sameHead, SqliteStreamHeads } from './sqlite-stream-heads';

/**
 * Writes the log on `db`, the only connection of this process that writes it, in group commits
 * (see SqliteGroupCommit). `heads` is where it remembers the heads it committed, with the
 * data_version they are current at; the store may share it to seal appends early.
 */
export class SqliteAppender {
  private readonly groupCommit: SqliteGroupCommit;
  private readonly statements: ReturnType<typeof prepareStatements>;
  /** PRAGMA data_version when the current (or last) group transaction began. */
  private groupVersion?: number;
  /** The heads the current group's optimistic pass has written so far. */
  private readonly writtenInGroup = new Map<string, StreamHead>();

  constructor(
    db: Database,
    private readonly heads: SqliteStreamHeads,
    maxGroupSize: number,
    /** Told once per committed group. */
    onCommitted: () => void,
  ) {
    this.statements = prepareStatements(db);
    this.groupCommit = new SqliteGroupCommit(
      db,
      (pending, optimistic) => this.appendNow(pending, optimistic),
      () => this.groupBegun(),
      maxGroupSize,
      (committed) => {
        for (const { written } of committed) {
          for (const { streamId, events } of written ?? []) {
            const head = headAfter(events[events.length - 1]);
            this.heads.set(streamId, { ...head, version: this.groupVersion });
          }
        }
        onCommitted();
      },
    );
  }

  write(
    appends: readonly StreamAppend[],
    recordedAt: string,
    presealed: ReadonlyArray<SealedAppend | undefined>,
  ): Promise<AppendResult[]> {
    return this.groupCommit.enqueue(appends, recordedAt, presealed);
  }

  /** Waits for the group commits in flight. */
  async close(): Promise<void> {
    while (this.groupCommit.busy) await new Promise((r) => setImmediate(r));
  }

  /**
   * Runs inside the group transaction: all the streams of one call or none of them. An append
   * sealed early is written as sealed only onto the very head it was sealed on; otherwise it is
   * checked and sealed here.
   *
   * On the first, optimistic pass (no savepoint) it neither looks for an earlier append of the same
   * events nor reads a head this connection already knows to be current: any refusal then (a
   * wrong revision, an event id stored before, both unique indexes) sends the group round again
   * with every check made, which also tells a retried append from a conflicting one.
   */
  private appendNow(pending: PendingAppend, optimistic: boolean): AppendResult[] {
    const { appends, presealed, recordedAt } = pending;
    pending.written = [];
    if (!optimistic) {
      const earlier = appends.map((a) => this.findEarlierAppend(a.streamId, a.events));
      if (earlier.every((result) => result !== undefined)) return earlier as AppendResult[];
      const stored = earlier.findIndex((result) => result !== undefined);
      if (stored >= 0) {
        throw new DuplicateEventIdError(
          appends[stored].streamId,
          appends[stored].events[0].eventId,
        );
      }
    }
    return appends.map((append, i) => {
      const head = optimistic ? this.groupHead(append.streamId) : this.head(append.streamId);
      const early = presealed[i];
      const sealed =
        early && sameHead(early.head, head) ? early : sealAppend(append, head, recordedAt);
      pending.written!.push(sealed);
      const result = this.insert(sealed);
      if (optimistic) {
        this.writtenInGroup.set(
          append.streamId,
          headAfter(sealed.events[sealed.events.length - 1]),
        );
      }
      return result;
    });
  }

  /** A new group transaction, under the write lock: the version every head it relies on must have. */
  private groupBegun(): void {
    try {
      this.groupVersion = this.statements.dataVersion.get() as number;
    } catch {
      this.groupVersion = undefined;
    }
    this.writtenInGroup.clear();
  }

  /**
   * A stream's head in the group transaction. One this process committed is current while no
   * other connection has committed since (PRAGMA data_version); otherwise it is read.
   */
  private groupHead(streamId: string): StreamHead | undefined {
    const written = this.writtenInGroup.get(streamId);
    if (written) return written;
    const known = this.heads.get(streamId);
    const current = known?.version !== undefined && known.version === this.groupVersion;
    return current ? known : this.head(streamId);
  }

  private head(streamId: string): StreamHead | undefined {
    return this.statements.head.get(streamId) as StreamHead | undefined;
  }

  private insert({ streamId, events }: SealedAppend): AppendResult {
    let position = 0;
    for (const { event, revision, metadata: sealed, linkBytes } of events) {
      const { recordedAt, prevHash, hash } = sealed;
      // data and metadata live in `link`, the bytes the hash is over (see the schema).
      const info = this.statements.insert.run(
        event.eventId,
        streamId,
        revision,
        event.type,
        '',
        '',
        recordedAt,
        prevHash,
        hash,
        linkBytes,
      );
      position = Number(info.lastInsertRowid);
    }
    return {
      streamId,
      revision: events[events.length - 1].revision,
      position: encodeSqlitePosition(position),
      eventIds: events.map((e) => e.event.eventId),
    };
  }

  /** The same event ids stored already, in this stream and order: a retry of that append. */
  private findEarlierAppend(streamId: string, events: NewEvent[]): AppendResult | undefined {
    const found = events.map(
      (e) =>
        this.statements.byEventId.get(e.eventId) as
          { stream_id: string; revision: number; position: number } | undefined,
    );
    if (found.every((f) => f === undefined)) return undefined;
    const first = found[0];
    const isSameAppend =
      first !== undefined &&
      found.every(
        (f, i) => f !== undefined && f.stream_id === streamId && f.revision === first.revision + i,
      );
    if (!isSameAppend) {
      const clash = events[found.findIndex((f) => f !== undefined)];
      throw new DuplicateEventIdError(streamId, clash.eventId);
    }
    const last = found[found.length - 1] as { revision: number; position: number };
    return {
      streamId,
      revision: last.revision,
      position: encodeSqlitePosition(last.position),
      eventIds: events.map((e) => e.eventId),
    };
  }
}

function prepareStatements(db: Database): Record<string, Statement> {
  return {
    insert: db.prepare(
      `INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at, prev_hash, hash, link)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    head: db.prepare(
      'SELECT revision, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
    ),
    byEventId: db.prepare('SELECT stream_id, revision, position FROM events WHERE event_id = ?'),
    dataVersion: db.prepare('PRAGMA data_version').pluck(),
  };
}
