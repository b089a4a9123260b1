const waited = new WeakSet<object>();

/** Notes that this query waited for a log position (its `minPosition`, or its key's own write). */
export function markWaited(request: object): void {
  waited.add(request);
}

/**
 * Whether this query waited for a log position: what it answers must then be read afresh, not
 * taken from a table shared from before.
 */
export const waitedForPosition = (request: object): boolean => waited.has(request);
