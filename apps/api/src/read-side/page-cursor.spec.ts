import { InvalidInputError } from '../http/validation/invalid-input.error';
import { decodeCursor, encodeCursor } from './page-cursor';

describe('page cursors', () => {
  it('resume after the item they were made from, whatever its id', () => {
    for (const id of ['org-01', '00000000000000000042', '2026:recipient:v-01', '石桥村']) {
      expect(decodeCursor(encodeCursor(id))).toBe(id);
    }
  });

  it('are opaque: no id reads in them', () => {
    expect(encodeCursor('org-01')).not.toContain('org-01');
  });

  it('a cursor this API did not issue is invalid input on the cursor field', () => {
    for (const cursor of [
      'not-base64-json',
      Buffer.from('{"after":3}').toString('base64url'),
      '',
    ]) {
      expect(() => decodeCursor(cursor)).toThrow(InvalidInputError);
      try {
        decodeCursor(cursor);
      } catch (error) {
        expect((error as InvalidInputError).errors).toEqual([
          { field: 'cursor', message: expect.any(String) },
        ]);
      }
    }
  });
});
