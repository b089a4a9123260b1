import { Sector } from './organization.vocabulary';

/** 空壳村: below 5万元 of collective income a year (seed 003), unless a county sets its own line. */
export const DEFAULT_HOLLOW_ECONOMY_THRESHOLD_FEN = 5_000_000;

/**
 * A village is 空壳村 by its recorded collective income when the year's figure lies below the
 * line; besides the category set by hand, which stays as it was set. No figure: not derived.
 */
export function isHollowByIncome(
  sector: Sector,
  incomeFen: number | undefined,
  thresholdFen: number,
): boolean {
  return sector === 'village' && incomeFen !== undefined && incomeFen < thresholdFen;
}
