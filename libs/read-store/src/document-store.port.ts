/**
 * Read models are JSON documents in named collections. The port speaks the small subset of
 * MongoDB's query language that every adapter answers identically (FerretDB 1.24 included; see
 * DESIGN.md, "MongoDB-wire server in CI"): equality on fields and dotted paths, `$in`, `$nin`,
 * `$ne`, `$gt`/`$gte`/`$lt`/`$lte`, `$exists`; sort on one or more fields; limit. No
 * aggregation: totals are kept by the projections, not computed at query time.
 */
export type DocumentId = string;

export interface ReadDocument {
  _id: DocumentId;
  /** Log position of the last event this document reflects (fixed-width, compares as text). */
  _pos: string;
  [field: string]: unknown;
}

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
  count(filter: Filter): Promise<number>;
  /**
   * Replace-or-insert each document unless the stored one has `_pos` >= the new one's: running
   * the same batch twice changes nothing. Unordered; a "newer" duplicate is skipped, not failed.
   */
  writeGuarded(documents: readonly ReadDocument[]): Promise<GuardedWriteResult>;
  /** Plain bulk insert into an empty or fresh collection (rebuilds). */
  insertMany(documents: readonly ReadDocument[]): Promise<void>;
  deleteByIds(ids: readonly DocumentId[]): Promise<void>;
  drop(): Promise<void>;
}

export interface DocumentStore {
  /** 'sqlite' | 'mongodb'. */
  readonly engine: string;
  collection(name: string): DocumentCollection;
  listCollections(): Promise<string[]>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
