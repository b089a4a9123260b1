import type { ReadDocument } from '@gongjian/read-store';

/** A read-model document as clients read it: without the store's own fields and the named ones. */
export function publicFields(
  document: ReadDocument,
  internal: readonly string[] = [],
): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(document)) {
    if (field !== '_id' && field !== '_pos' && !internal.includes(field)) view[field] = value;
  }
  return view;
}
