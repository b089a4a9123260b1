import { DEFAULT_HOLLOW_ECONOMY_THRESHOLD_FEN, isHollowByIncome } from './hollow-economy';

describe('空壳村 derived from the collective income (issue 13, seed 003: below 5万)', () => {
  it('the line is 5万元', () => expect(DEFAULT_HOLLOW_ECONOMY_THRESHOLD_FEN).toBe(50_000_00));

  it('a village below the line is hollow, one on it is not', () => {
    expect(isHollowByIncome('village', 49_999_99, DEFAULT_HOLLOW_ECONOMY_THRESHOLD_FEN)).toBe(true);
    expect(isHollowByIncome('village', 50_000_00, DEFAULT_HOLLOW_ECONOMY_THRESHOLD_FEN)).toBe(
      false,
    );
  });

  it('no recorded income derives nothing; communities are not villages', () => {
    expect(isHollowByIncome('village', undefined, DEFAULT_HOLLOW_ECONOMY_THRESHOLD_FEN)).toBe(
      false,
    );
    expect(isHollowByIncome('community', 0, DEFAULT_HOLLOW_ECONOMY_THRESHOLD_FEN)).toBe(false);
  });

  it('follows the line a county configures', () =>
    expect(isHollowByIncome('village', 80_000_00, 100_000_00)).toBe(true));
});
