import type { DocumentCollection, Filter, ReadDocument } from '@gongjian/read-store';
import { decodeCursor, encodeCursor } from './page-cursor';
import { DEFAULT_PAGE_SIZE } from './paged-query.dto';

export interface Page<T> {
  items: T[];
  /** Null on the last page. */
  nextCursor: string | null;
}

/** One page of a find, in `_id` order, resuming after the cursor's item. */
export async function readPage<T>(
  collection: DocumentCollection,
  filter: Filter,
  paging: { limit?: number; cursor?: string },
  view: (document: ReadDocument) => T,
): Promise<Page<T>> {
  const limit = paging.limit ?? DEFAULT_PAGE_SIZE;
  const after = paging.cursor === undefined ? undefined : decodeCursor(paging.cursor);
  const documents = await collection.find(
    after === undefined ? filter : { ...filter, _id: { $gt: after } },
    { sort: [['_id', 1]], limit: limit + 1 },
  );
  const page = documents.slice(0, limit);
  return {
    items: page.map(view),
    nextCursor: documents.length > limit ? encodeCursor(page[page.length - 1]._id) : null,
  };
}
