import type { Database, Statement } from 'better-sqlite3';
import type {
  DocumentCollection,
  DocumentId,
  DocumentVersion,
  Filter,
  FindOptions,
  GuardedWriteResult,
  IndexSpec,
  ReadDocument,
} from '../../document-store.port';
import { assertFieldPath, assertSort, parseFilter } from '../../document-filter';
import {
  bindable,
  fieldExpression,
  SqlFragment,
  SqliteFieldLayout,
  translateCondition,
} from './sqlite-filter.translator';

const ID_CHUNK = 500;

/** Shared by the collections of one store: prepared statements are cached by their text. */
export interface SqliteStatements {
  prepare(sql: string): Statement;
}

/**
 * One collection as a table (id, pos, doc JSON). Indexes are expression indexes on
 * json_extract of each field; array values of indexed fields are also kept in `<table>__elements`
 * so that "array contains" is an index lookup too. The indexed fields are recorded in
 * `_document_indexes`, so every process maintains the elements table the same way.
 */
export class SqliteDocumentCollection implements DocumentCollection, SqliteFieldLayout {
  readonly elementsTable: string;
  private indexedFields: Set<string> | undefined;
  private tableReady = false;

  constructor(
    private readonly db: Database,
    private readonly statements: SqliteStatements,
    readonly name: string,
  ) {
    this.elementsTable = `${name}__elements`;
  }

  isIndexed(path: string): boolean {
    return this.fields().has(path);
  }

  hasArrayValues(path: string): boolean {
    return (
      this.statements
        .prepare(`SELECT 1 FROM "${this.elementsTable}" WHERE field = ? LIMIT 1`)
        .get(path) !== undefined
    );
  }

  private fields(): Set<string> {
    if (!this.indexedFields) {
      this.ensureTable();
      const rows = this.statements
        .prepare('SELECT field FROM _document_indexes WHERE collection = ?')
        .all(this.name) as { field: string }[];
      this.indexedFields = new Set(rows.map((r) => r.field));
    }
    return this.indexedFields;
  }

  private ensureTable(): void {
    if (this.tableReady) return;
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS "${this.name}" (id TEXT PRIMARY KEY, pos TEXT NOT NULL, doc TEXT NOT NULL) WITHOUT ROWID;
       CREATE TABLE IF NOT EXISTS "${this.elementsTable}" (field TEXT NOT NULL, value ANY, id TEXT NOT NULL, PRIMARY KEY (field, value, id)) WITHOUT ROWID;
       CREATE INDEX IF NOT EXISTS "${this.elementsTable}_id" ON "${this.elementsTable}" (id);`,
    );
    this.tableReady = true;
  }

  async ensureIndexes(indexes: readonly IndexSpec[]): Promise<void> {
    this.ensureTable();
    const known = this.fields();
    const added: string[] = [];
    for (const index of indexes) {
      assertSort(index.fields);
      const columns = index.fields
        .map(([field, direction]) => `${fieldExpression(field)}${direction === -1 ? ' DESC' : ''}`)
        .join(', ');
      const indexName = `${this.name}__${index.fields.map(([f, d]) => `${f.replace(/\./g, '_')}_${d === 1 ? 'a' : 'd'}`).join('__')}${index.unique ? '__u' : ''}`;
      this.db.exec(
        `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "${indexName}" ON "${this.name}" (${columns})`,
      );
      for (const [field] of index.fields) {
        if (field === '_id' || field === '_pos' || known.has(field)) continue;
        known.add(field);
        added.push(field);
      }
    }
    if (added.length === 0) return;
    const record = this.statements.prepare(
      'INSERT OR IGNORE INTO _document_indexes (collection, field) VALUES (?, ?)',
    );
    this.db.transaction(() => {
      for (const field of added) record.run(this.name, field);
      // Elements of arrays already stored under a newly indexed field.
      for (const row of this.db.prepare(`SELECT doc FROM "${this.name}"`).iterate() as Iterable<{
        doc: string;
      }>) {
        const document = JSON.parse(row.doc) as ReadDocument;
        this.insertElements(document, added);
      }
    })();
  }

  async findById(id: DocumentId): Promise<ReadDocument | undefined> {
    this.ensureTable();
    const row = this.statements.prepare(`SELECT doc FROM "${this.name}" WHERE id = ?`).get(id) as
      { doc: string } | undefined;
    return row ? JSON.parse(row.doc) : undefined;
  }

  async findByIds(ids: readonly DocumentId[]): Promise<ReadDocument[]> {
    return this.findByIdsNow(ids);
  }

  findByIdsNow(ids: readonly DocumentId[]): ReadDocument[] {
    this.ensureTable();
    const found: ReadDocument[] = [];
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += ID_CHUNK) {
      const chunk = unique.slice(i, i + ID_CHUNK);
      const rows = this.statements
        .prepare(`SELECT doc FROM "${this.name}" WHERE id IN (${chunk.map(() => '?').join(',')})`)
        .all(...chunk) as { doc: string }[];
      for (const row of rows) found.push(JSON.parse(row.doc));
    }
    return found;
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<ReadDocument[]> {
    const { sql, params } = this.selectSql('doc', filter, options);
    return (this.statements.prepare(sql).all(...params) as { doc: string }[]).map((r) =>
      JSON.parse(r.doc),
    );
  }

  async findVersions(filter: Filter, options: FindOptions = {}): Promise<DocumentVersion[]> {
    const { sql, params } = this.selectSql('id AS _id, pos AS _pos', filter, options);
    return this.statements.prepare(sql).all(...params) as DocumentVersion[];
  }

  /** The SELECT a find runs (tests read its query plan to prove that queries use the indexes). */
  selectSql(what: string, filter: Filter, options: FindOptions = {}): SqlFragment {
    this.ensureTable();
    assertSort(options.sort);
    const where = translateCondition(parseFilter(filter), this);
    const order = (options.sort ?? [])
      .map(([field, direction]) => `${fieldExpression(field)} ${direction === -1 ? 'DESC' : 'ASC'}`)
      .join(', ');
    const limit =
      options.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(options.limit))}`;
    return {
      sql: `SELECT ${what} FROM "${this.name}" WHERE ${where.sql}${order ? ` ORDER BY ${order}` : ''}${limit}`,
      params: where.params,
    };
  }

  async count(filter: Filter): Promise<number> {
    const { sql, params } = this.selectSql('COUNT(*) AS n', filter);
    return (this.statements.prepare(sql).get(...params) as { n: number }).n;
  }

  async writeGuarded(documents: readonly ReadDocument[]): Promise<GuardedWriteResult> {
    return this.db.transaction(() => this.writeGuardedNow(documents))();
  }

  /** Inside the caller's transaction. */
  writeGuardedNow(documents: readonly ReadDocument[]): GuardedWriteResult {
    this.ensureTable();
    const upsert = this.statements.prepare(
      `INSERT INTO "${this.name}" (id, pos, doc) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET pos = excluded.pos, doc = excluded.doc WHERE excluded.pos > "${this.name}".pos`,
    );
    let written = 0;
    for (const document of documents) {
      const changes = upsert.run(document._id, document._pos, JSON.stringify(document)).changes;
      if (changes > 0) {
        written++;
        this.replaceElements(document);
      }
    }
    return { written, skippedAsNewer: documents.length - written };
  }

  async insertMany(documents: readonly ReadDocument[]): Promise<void> {
    this.db.transaction(() => this.insertManyNow(documents))();
  }

  insertManyNow(documents: readonly ReadDocument[]): void {
    this.ensureTable();
    const insert = this.statements.prepare(
      `INSERT INTO "${this.name}" (id, pos, doc) VALUES (?, ?, ?)`,
    );
    const fields = [...this.fields()];
    for (const document of documents) {
      insert.run(document._id, document._pos, JSON.stringify(document));
      if (fields.length) this.insertElements(document, fields);
    }
  }

  async deleteByIds(ids: readonly DocumentId[]): Promise<void> {
    this.db.transaction(() => this.deleteByIdsNow(ids))();
  }

  deleteByIdsNow(ids: readonly DocumentId[]): void {
    this.ensureTable();
    const remove = this.statements.prepare(`DELETE FROM "${this.name}" WHERE id = ?`);
    const removeElements = this.statements.prepare(
      `DELETE FROM "${this.elementsTable}" WHERE id = ?`,
    );
    for (const id of ids) {
      remove.run(id);
      removeElements.run(id);
    }
  }

  async replaceIf(document: ReadDocument, expected: Filter | null): Promise<boolean> {
    return this.db.transaction(() => this.replaceIfNow(document, expected))();
  }

  replaceIfNow(document: ReadDocument, expected: Filter | null): boolean {
    this.ensureTable();
    const json = JSON.stringify(document);
    if (expected === null) {
      const inserted = this.statements
        .prepare(`INSERT OR IGNORE INTO "${this.name}" (id, pos, doc) VALUES (?, ?, ?)`)
        .run(document._id, document._pos, json).changes;
      if (inserted) this.replaceElements(document);
      return inserted > 0;
    }
    const where = translateCondition(parseFilter(expected), this);
    const changes = this.statements
      .prepare(`UPDATE "${this.name}" SET pos = ?, doc = ? WHERE id = ? AND (${where.sql})`)
      .run(document._pos, json, document._id, ...where.params).changes;
    if (changes) this.replaceElements(document);
    return changes > 0;
  }

  async drop(): Promise<void> {
    this.db.transaction(() => {
      this.db.exec(
        `DROP TABLE IF EXISTS "${this.name}"; DROP TABLE IF EXISTS "${this.elementsTable}";`,
      );
      this.statements.prepare('DELETE FROM _document_indexes WHERE collection = ?').run(this.name);
    })();
    this.indexedFields = undefined;
    this.tableReady = false;
  }

  private replaceElements(document: ReadDocument): void {
    const fields = [...this.fields()];
    if (fields.length === 0) return;
    this.statements.prepare(`DELETE FROM "${this.elementsTable}" WHERE id = ?`).run(document._id);
    this.insertElements(document, fields);
  }

  private insertElements(document: ReadDocument, fields: readonly string[]): void {
    const insert = this.statements.prepare(
      `INSERT OR IGNORE INTO "${this.elementsTable}" (field, value, id) VALUES (?, ?, ?)`,
    );
    for (const field of fields) {
      const value = valueAt(document, field);
      if (!Array.isArray(value)) continue;
      for (const element of value) {
        if (typeof element === 'string' || typeof element === 'number')
          insert.run(field, bindable(element), document._id);
      }
    }
  }
}

function valueAt(document: ReadDocument, path: string): unknown {
  let value: unknown = document;
  for (const key of assertFieldPath(path).split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
