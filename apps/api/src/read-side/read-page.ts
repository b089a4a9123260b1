import type {
  DocumentCollection,
  DocumentVersion,
  Filter,
  ReadDocument,
} from '@gongjian/read-store';
import { decodeCursor, encodeCursor } from './page-cursor';
import { DEFAULT_PAGE_SIZE } from './paged-query.dto';

export interface Page<T> {
  items: T[];
  /** Null on the last page. */
  nextCursor: string | null;
}

type Paging = { limit?: number; cursor?: string };

/** One page of a find, in `_id` order, resuming after the cursor's item. */
export async function readPage<T>(
  collection: DocumentCollection,
  filter: Filter,
  paging: Paging,
  view: (document: ReadDocument) => T,
): Promise<Page<T>> {
  const page = await pageOf(paging, (filterAfter, limit) =>
    collection.find(filterAfter(filter), { sort: [['_id', 1]], limit }),
  );
  return { items: page.items.map(view), nextCursor: page.nextCursor };
}

/** The same page as ids and positions only, for readers that keep rendered views. */
export function readVersionPage(
  collection: DocumentCollection,
  filter: Filter,
  paging: Paging,
): Promise<Page<DocumentVersion>> {
  return pageOf(paging, (filterAfter, limit) =>
    collection.findVersions(filterAfter(filter), { sort: [['_id', 1]], limit }),
  );
}

async function pageOf<D extends DocumentVersion>(
  paging: Paging,
  find: (filterAfter: (filter: Filter) => Filter, limit: number) => Promise<D[]>,
): Promise<Page<D>> {
  const limit = paging.limit ?? DEFAULT_PAGE_SIZE;
  const after = paging.cursor === undefined ? undefined : decodeCursor(paging.cursor);
  const found = await find(
    (filter) => (after === undefined ? filter : { ...filter, _id: { $gt: after } }),
    limit + 1,
  );
  const items = found.slice(0, limit);
  return {
    items,
    nextCursor: found.length > limit ? encodeCursor(items[items.length - 1]._id) : null,
  };
}
