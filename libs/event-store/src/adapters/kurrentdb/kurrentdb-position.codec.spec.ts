import fc from 'fast-check';
import { comparePositions } from '../../position';
import { decodeKurrentDbPosition, encodeKurrentDbPosition } from './kurrentdb-position.codec';

const u64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n });
const position = fc.record({ commit: u64, prepare: u64 });

describe('kurrentdb position codec', () => {
  it('encodes fixed-width and decodes back', () => {
    expect(encodeKurrentDbPosition({ commit: 1234n, prepare: 1200n })).toBe(
      '00000000000000001234-00000000000000001200',
    );
    fc.assert(
      fc.property(position, (p) => {
        expect(decodeKurrentDbPosition(encodeKurrentDbPosition(p))).toEqual(p);
      }),
    );
  });

  it('string order is log order: by commit, then prepare', () => {
    fc.assert(
      fc.property(position, position, (a, b) => {
        const logOrder =
          a.commit !== b.commit
            ? a.commit < b.commit
              ? -1
              : 1
            : a.prepare < b.prepare
              ? -1
              : a.prepare > b.prepare
                ? 1
                : 0;
        expect(comparePositions(encodeKurrentDbPosition(a), encodeKurrentDbPosition(b))).toBe(
          logOrder,
        );
      }),
    );
  });

  it.each([
    '',
    '12-34',
    '00000000000000001234',
    '00000000000000001234-0000000000000000120x',
    '99999999999999999999-00000000000000000000',
  ])('refuses %j', (text) => {
    expect(() => decodeKurrentDbPosition(text)).toThrow(TypeError);
  });

  it('refuses components outside 0..2^64-1', () => {
    expect(() => encodeKurrentDbPosition({ commit: -1n, prepare: 0n })).toThrow(RangeError);
    expect(() => encodeKurrentDbPosition({ commit: 0n, prepare: 1n << 64n })).toThrow(RangeError);
  });
});
