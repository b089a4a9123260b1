/**
 * The ceiling of every amount and every running total, in fen: 10^12 fen is 100 亿元, far above
 * any county's yearly funds, and far below 2^53, so sums of two bounded figures stay exact.
 */
export const MAX_AMOUNT_FEN = 1_000_000_000_000;

/** An integer amount from 0 (or 1) up to the ceiling. */
export function isAmountFen(value: unknown, allowZero = false): value is number {
  return (
    Number.isSafeInteger(value) &&
    (value as number) >= (allowZero ? 0 : 1) &&
    (value as number) <= MAX_AMOUNT_FEN
  );
}

/** A running total plus an amount, or undefined when the sum would pass the ceiling. */
export function addWithinCeiling(total: number, amount: number): number | undefined {
  const sum = total + amount;
  return Number.isSafeInteger(sum) && sum <= MAX_AMOUNT_FEN ? sum : undefined;
}
