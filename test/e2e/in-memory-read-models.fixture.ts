import { Query } from 'mingo';
import type { RecordedEvent } from '@gongjian/event-store';
import {
  projectInMemory,
  QUERY_READ_MODELS,
  type ProjectedDocuments,
  type ReadModelReader,
} from '@gongjian/projections';
import type { DocumentCollection, Filter, FindOptions, ReadDocument } from '@gongjian/read-store';

/** A read-only collection over projected documents, answering finds with MongoDB semantics. */
function collectionOver(name: string, documents: Map<string, ReadDocument>): DocumentCollection {
  const find = async (filter: Filter, options: FindOptions = {}) => {
    const query = new Query(filter);
    const found = [...documents.values()].filter((d) => query.test(d));
    const sort = options.sort ?? [];
    found.sort((a, b) => {
      for (const [field, direction] of sort) {
        const x = a[field] as string | number;
        const y = b[field] as string | number;
        if (x < y) return -direction;
        if (x > y) return direction;
      }
      return 0;
    });
    return structuredClone(options.limit === undefined ? found : found.slice(0, options.limit));
  };
  const readOnly = () => Promise.reject(new Error(`${name} is read-only in this test`));
  return {
    name,
    ensureIndexes: async () => undefined,
    findById: async (id) => structuredClone(documents.get(id)),
    findByIds: async (ids) => ids.flatMap((id) => structuredClone(documents.get(id) ?? [])),
    find,
    findVersions: async (filter, options) =>
      (await find(filter, options)).map(({ _id, _pos }) => ({ _id, _pos })),
    count: async (filter) => (await find(filter)).length,
    writeGuarded: readOnly,
    insertMany: readOnly,
    deleteByIds: readOnly,
    replaceIf: readOnly,
    drop: readOnly,
  };
}

/** Every query read model projected in memory from `events`, behind the reader queries use. */
export function inMemoryReader(events: readonly RecordedEvent[]): ReadModelReader {
  const projected = new Map<string, ProjectedDocuments>(
    QUERY_READ_MODELS.map((projection) => [projection.name, projectInMemory(projection, events)]),
  );
  return {
    collection: async (projection, name) => {
      const documents = projected.get(projection)?.get(name);
      if (!documents) throw new Error(`no read model ${projection}/${name}`);
      return collectionOver(name, documents);
    },
    waitForPosition: async () => undefined,
  };
}
