import { InvalidInputError } from '../http/validation/invalid-input.error';

/**
 * Opaque cursors: base64url of the last item's sort key. Every list sorts by `_id`, which is
 * unique, so the key alone resumes exactly after the last item.
 */
export function encodeCursor(lastId: string): string {
  return Buffer.from(JSON.stringify({ after: lastId }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const after = (decoded as { after?: unknown } | null)?.after;
    if (typeof after === 'string') return after;
  } catch {
    // answered below
  }
  throw new InvalidInputError([{ field: 'cursor', message: 'cursor is not one this API issued' }]);
}
