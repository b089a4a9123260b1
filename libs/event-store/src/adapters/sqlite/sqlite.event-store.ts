import { EventEmitter } from 'node:events';
import type { Database, Statement } from 'better-sqlite3';
import {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  RecordedMetadata,
  StreamAppend,
  SubscribeAllOptions,
  Subscription,
} from '../../event-store.port';
import { StoredLinkBatch, StoredLinkLog } from '../../stored-link';
import { StoreUnavailableError, UnreadableEventError } from '../../event-store.errors';
import { ChainLink } from '../../hash-chain';
import { keepHashedBytes } from '../../hashed-bytes';
import { PollingSubscription } from '../../polling-subscription';
import { Position } from '../../position';
import { checkAppendArguments, checkAppendManyArguments } from '../../append-arguments';
import { SealedAppend, sealAppend } from '../../seal-append';
import { SqliteAppender } from './sqlite-appender';
import { SqliteCheckpointer } from './sqlite-checkpointer';
import { openSqliteConnection } from './sqlite-connection';
import { headAfter, SqliteStreamHeads } from './sqlite-stream-heads';
import { SqliteStoredLinksReader } from './sqlite-stored-links.reader';
import { decodeSqlitePosition, encodeSqlitePosition } from './sqlite-position';

export interface SqliteEventStoreOptions {
  /** Most appends committed in one transaction (group commit). */
  maxGroupSize?: number;
  /** How often subscribers look for events appended by other processes. */
  pollIntervalMs?: number;
  busyTimeoutMs?: number;
  /**
   * Largest size of the database file, in pages (SQLite's max_page_count): a quota. Appends that
   * would grow the file beyond it fail with StoreUnavailableError and write nothing.
   */
  maxPageCount?: number;
}

/**
 * Group commits after which a store that writes starts checkpointing in a thread of its own (a
 * store that writes little leaves it to SQLite).
 */
const CHECKPOINT_THREAD_AFTER = 100;

/** A row of `events` read in raw mode (an array, not an object: the log is read in bulk). */
type EventRow = [
  position: number,
  eventId: string,
  streamId: string,
  revision: number,
  type: string,
  data: string,
  metadata: string,
  recordedAt: string,
  prevHash: string,
  hash: string,
  /** Text as written; a row whose bytes were replaced by a blob reads as a Buffer. */
  link: string | Buffer | null,
];

/**
 * Embedded event store on SQLite (WAL, synchronous=FULL). Appends are group-committed (see
 * SqliteAppender and SqliteGroupCommit); an appendMany writes all of its streams or none: a
 * refusal rolls its group back, and the group runs again with each call in a savepoint of its own.
 * A store that keeps writing checkpoints its log in a thread of its own (SqliteCheckpointer).
 */
export class SqliteEventStore implements EventStore, StoredLinkLog {
  readonly engine = 'sqlite';
  private readonly db: Database;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly appended = new EventEmitter();
  private readonly subscriptions = new Set<PollingSubscription>();
  private readonly appender: SqliteAppender;
  private checkpointer?: SqliteCheckpointer;
  private readonly heads = new SqliteStreamHeads(10_000);
  /** Group commits of this store so far; with data_version, tells whether a page is current. */
  private commits = 0;
  private lastPage?: { after: number; limit: number; version: string; events: RecordedEvent[] };
  private closed = false;
  private storedLinks?: SqliteStoredLinksReader;

  constructor(
    readonly path: string,
    private readonly options: SqliteEventStoreOptions = {},
  ) {
    this.db = openSqliteConnection(path, options);
    this.statements = prepareStatements(this.db);
    this.appended.setMaxListeners(0);
    // The appender keeps the heads it commits in `heads`, where appends are sealed early.
    this.appender = new SqliteAppender(this.db, this.heads, options.maxGroupSize ?? 512, () => {
      this.commits++;
      if (this.commits === CHECKPOINT_THREAD_AFTER && path !== ':memory:') {
        this.checkpointer = new SqliteCheckpointer(this.db, path);
      }
      this.appended.emit('appended');
    });
  }

  async append(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    checkAppendArguments(streamId, events, expected);
    const [result] = await this.enqueue([{ streamId, events, expected }]);
    return result;
  }

  appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    checkAppendManyArguments(appends);
    return this.enqueue(appends);
  }

  private enqueue(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    if (this.closed)
      return Promise.reject(new StoreUnavailableError(this.engine, 'store is closed'));
    const recordedAt = new Date().toISOString();
    const presealed = appends.map((append) => this.preseal(append, recordedAt));
    return this.appender.write(appends, recordedAt, presealed);
  }

  /**
   * Sealed on the head this process last saw (a new stream when it expects none), outside the
   * write transaction; undefined when that head is unknown or refuses the expectation, and the
   * transaction decides.
   */
  private preseal(append: StreamAppend, recordedAt: string): SealedAppend | undefined {
    const head = this.heads.get(append.streamId);
    if (head === undefined && append.expected !== 'no_stream') return undefined;
    try {
      return sealAppend(append, head, recordedAt);
    } catch {
      return undefined;
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.limit ?? -1;
    const rows =
      options.direction === 'backwards'
        ? this.statements.readBackwards.all(
            streamId,
            options.from ?? Number.MAX_SAFE_INTEGER,
            limit,
          )
        : this.statements.readForwards.all(streamId, options.from ?? 0, limit);
    const events = (rows as EventRow[]).map(toRecordedEvent);
    const last = events[events.length - 1];
    const readToEnd = options.direction !== 'backwards' && (limit < 0 || events.length < limit);
    if (last && readToEnd) this.heads.set(streamId, headAfter(last));
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readAfter(options.fromPosition, options.limit ?? -1);
  }

  private async readAfter(position: Position | undefined, limit: number): Promise<RecordedEvent[]> {
    const after = position === undefined ? 0 : decodeSqlitePosition(position);
    return (this.statements.readAll.all(after, limit) as EventRow[]).map(toRecordedEvent);
  }

  /**
   * A subscription's next page. Live subscriptions (every projection of a process) wake on the
   * same commit and ask for the same page: it is read and parsed once and handed to each of them
   * while nothing new was committed, here or by another connection (data_version). Subscribers
   * only read the events they are given.
   */
  private async readPage(position: Position | undefined, limit: number): Promise<RecordedEvent[]> {
    const after = position === undefined ? 0 : decodeSqlitePosition(position);
    const version = `${this.commits}:${this.statements.dataVersion.get() as number}`;
    const last = this.lastPage;
    if (last && last.after === after && last.limit === limit && last.version === version) {
      return last.events.slice();
    }
    const events = (this.statements.readAll.all(after, limit) as EventRow[]).map(toRecordedEvent);
    this.lastPage = { after, limit, version, events };
    return events.slice();
  }

  async readStoredLinks(options: ReadAllOptions = {}): Promise<StoredLinkBatch> {
    this.storedLinks ??= new SqliteStoredLinksReader(this.db, (position) =>
      toRecordedEvent(this.statements.readAll.get(position - 1, 1) as EventRow),
    );
    return this.storedLinks.read(options);
  }

  subscribeAll(options: SubscribeAllOptions = {}): Subscription {
    const subscription = new PollingSubscription(
      {
        readAfter: (position, limit) => this.readPage(position, limit),
        waitForAppend: (signal) => this.waitForAppend(signal),
      },
      options.fromPosition,
      256,
      (s) => this.subscriptions.delete(s),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  private waitForAppend(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.appended.off('appended', done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, this.options.pollIntervalMs ?? 500);
      this.appended.once('appended', done);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  async headPosition(): Promise<Position | undefined> {
    const row = this.statements.headPosition.get() as { position: number | null };
    return row.position === null ? undefined : encodeSqlitePosition(row.position);
  }

  async ping(): Promise<void> {
    if (this.closed) throw new StoreUnavailableError(this.engine, 'store is closed');
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.appender.close();
    await this.checkpointer?.close();
    this.db.close();
  }
}

/**
 * Identity and chain fields come from their columns, data and metadata from the hashed bytes.
 * The bytes are handed on as the event's hashed bytes only when the columns agree with them; an
 * edited column thus shows as a hash mismatch instead of passing unseen.
 */
function toRecordedEvent(row: EventRow): RecordedEvent {
  const [position, eventId, streamId, revision, type, , , recordedAt, prevHash, hash, stored] = row;
  if (stored === null) return fromLegacyRow(row);
  let link: ChainLink;
  try {
    link = JSON.parse(typeof stored === 'string' ? stored : stored.toString('utf8'));
  } catch {
    throw new UnreadableEventError(streamId, revision, encodeSqlitePosition(position));
  }
  // The parsed metadata is this event's own: completed in place rather than copied.
  const metadata = (link.metadata ?? {}) as RecordedMetadata;
  const agrees =
    link.eventId === eventId &&
    link.streamId === streamId &&
    link.revision === revision &&
    link.type === type &&
    link.metadata?.recordedAt === recordedAt &&
    link.metadata?.prevHash === prevHash;
  metadata.recordedAt = recordedAt;
  metadata.prevHash = prevHash;
  metadata.hash = hash;
  const event: RecordedEvent = {
    eventId,
    streamId,
    revision,
    position: encodeSqlitePosition(position),
    type,
    data: link.data,
    metadata,
  };
  return agrees ? keepHashedBytes(event, stored) : event;
}

/** A row written before the hashed bytes were kept. */
function fromLegacyRow([
  position,
  eventId,
  streamId,
  revision,
  type,
  data,
  metadata,
  recordedAt,
  prevHash,
  hash,
]: EventRow): RecordedEvent {
  return {
    eventId,
    streamId,
    revision,
    position: encodeSqlitePosition(position),
    type,
    data: JSON.parse(data),
    metadata: { ...JSON.parse(metadata), recordedAt, prevHash, hash },
  };
}

function prepareStatements(db: Database): Record<string, Statement> {
  const columns =
    'position, event_id, stream_id, revision, type, data, metadata, recorded_at, prev_hash, hash, link';
  return {
    readForwards: db
      .prepare(
        `SELECT ${columns} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
      )
      .raw(true),
    readBackwards: db
      .prepare(
        `SELECT ${columns} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
      )
      .raw(true),
    readAll: db
      .prepare(`SELECT ${columns} FROM events WHERE position > ? ORDER BY position ASC LIMIT ?`)
      .raw(true),
    headPosition: db.prepare('SELECT MAX(position) AS position FROM events'),
    dataVersion: db.prepare('PRAGMA data_version').pluck(),
  };
}
