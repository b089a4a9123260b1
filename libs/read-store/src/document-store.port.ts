/**
 * Read models are JSON documents in named collections. The port speaks the small subset of
 * MongoDB's query language that every adapter answers identically (FerretDB 1.24 included; see
 * DESIGN.md, "MongoDB-wire server in CI"): equality on fields and dotted paths, `$in`, `$nin`,
 * `$ne`, `$gt`/`$gte`/`$lt`/`$lte`, `$exists`, `$and`/`$or`; equality and `$in` on an array field
 * match any element (arrays of scalars); sort on one or more fields; limit. No
 * aggregation: totals are kept by the projections, not computed at query time.
 */
export type DocumentId = string;

export interface ReadDocument {
  _id: DocumentId;
  /** Log position of the last event this document reflects (fixed-width, compares as text). */
  _pos: string;
  [field: string]: unknown;
}

/** A document's identity and the position it reflects. */
export type DocumentVersion = Pick<ReadDocument, '_id' | '_pos'>;

export type Filter = Record<string, unknown>;
export type SortSpec = ReadonlyArray<readonly [field: string, direction: 1 | -1]>;

export interface FindOptions {
  sort?: SortSpec;
  limit?: number;
}

export interface IndexSpec {
  /** Fields in order, each ascending (1) or descending (-1). */
  fields: SortSpec;
  unique?: boolean;
}

export interface GuardedWriteResult {
  /** Documents written (inserted or replaced). */
  written: number;
  /** Documents left alone because the stored one already reflects a later position. */
  skippedAsNewer: number;
}

export interface DocumentCollection {
  readonly name: string;
  ensureIndexes(indexes: readonly IndexSpec[]): Promise<void>;
  findById(id: DocumentId): Promise<ReadDocument | undefined>;
  findByIds(ids: readonly DocumentId[]): Promise<ReadDocument[]>;
  find(filter: Filter, options?: FindOptions): Promise<ReadDocument[]>;
  /**
   * What `find` would select, as ids and positions only: a reader that keeps rendered documents
   * fetches just those whose position moved (see apps/api read-side view caches).
   */
  findVersions(filter: Filter, options?: FindOptions): Promise<DocumentVersion[]>;
  count(filter: Filter): Promise<number>;
  /**
   * Replace-or-insert each document unless the stored one has `_pos` >= the new one's: running
   * the same batch twice changes nothing. Unordered; a "newer" duplicate is skipped, not failed.
   */
  writeGuarded(documents: readonly ReadDocument[]): Promise<GuardedWriteResult>;
  /** Plain bulk insert into an empty or fresh collection (rebuilds). */
  insertMany(documents: readonly ReadDocument[]): Promise<void>;
  deleteByIds(ids: readonly DocumentId[]): Promise<void>;
  /**
   * Compare-and-set of one small control document (checkpoints, leases, pointers): replaces it
   * only when the stored one matches `expected`, or inserts it when `expected` is null and none
   * exists. Resolves true when written, false when the precondition did not hold.
   */
  replaceIf(document: ReadDocument, expected: Filter | null): Promise<boolean>;
  drop(): Promise<void>;
}

/** One step of a write batch (see DocumentStore.writeBatch). */
export type BatchOperation =
  | { kind: 'writeGuarded'; collection: string; documents: readonly ReadDocument[] }
  | { kind: 'insertMany'; collection: string; documents: readonly ReadDocument[] }
  | { kind: 'deleteByIds'; collection: string; ids: readonly DocumentId[] }
  | { kind: 'replaceIf'; collection: string; document: ReadDocument; expected: Filter | null };

export interface BatchResult extends GuardedWriteResult {
  /** Index of the `replaceIf` whose precondition failed (the batch stopped there), if any. */
  failedPrecondition?: number;
}

/**
 * A store whose server cannot be reached, or does not answer in time, fails the call with
 * ReadStoreUnavailableError (read-store.errors.ts); the API answers 503 `STORE_UNAVAILABLE`.
 */
export interface DocumentStore {
  /** 'sqlite' | 'mongodb'. */
  readonly engine: string;
  collection(name: string): DocumentCollection;
  listCollections(): Promise<string[]>;
  /** Whether writeBatch is all-or-nothing (one transaction) on this engine. */
  readonly atomicBatches: boolean;
  /**
   * Runs the operations in order and stops at the first `replaceIf` whose precondition fails.
   * Atomic stores (sqlite) then keep nothing of the batch; the others keep what ran before it,
   * which is why projections guard every document by `_pos` and write the checkpoint last.
   */
  writeBatch(operations: readonly BatchOperation[]): Promise<BatchResult>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
