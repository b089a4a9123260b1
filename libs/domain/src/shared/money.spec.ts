import { addWithinCeiling, isAmountFen, MAX_AMOUNT_FEN } from './money';

describe('money bounds', () => {
  it('accepts integer fen up to the ceiling, zero only when allowed', () => {
    expect(isAmountFen(1)).toBe(true);
    expect(isAmountFen(MAX_AMOUNT_FEN)).toBe(true);
    expect(isAmountFen(0)).toBe(false);
    expect(isAmountFen(0, true)).toBe(true);
  });

  it.each([[MAX_AMOUNT_FEN + 1], [2 ** 53], [1.5], [-1], [Number.NaN], [Infinity], ['100']])(
    'refuses %p',
    (value) => expect(isAmountFen(value, true)).toBe(false),
  );

  it('adds within the ceiling and refuses a sum beyond it or beyond 2^53', () => {
    expect(addWithinCeiling(MAX_AMOUNT_FEN - 1, 1)).toBe(MAX_AMOUNT_FEN);
    expect(addWithinCeiling(MAX_AMOUNT_FEN, 1)).toBeUndefined();
    expect(addWithinCeiling(2 ** 53 - 1, 1)).toBeUndefined();
    expect(addWithinCeiling(2 ** 53, 2 ** 53)).toBeUndefined();
  });
});
