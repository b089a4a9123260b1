/**
 * The weighted contribution, in centipoints, of an item worth `maxPoints` within a part weighing
 * `weightPercent`, for `value` measured against `target`: proportional, capped at the target,
 * rounded down (never a point not earned). Exact in integers whatever the magnitudes (fen).
 */
export function weightedPoints(
  maxPoints: number,
  weightPercent: number,
  value: number,
  target: number,
): number {
  if (target <= 0 || value <= 0) return 0;
  const achieved = BigInt(Math.min(value, target));
  return Number((BigInt(maxPoints * weightPercent) * achieved) / BigInt(target));
}

/** An item's maximum weighted contribution: whole points × percent = centipoints. */
export const weightedMax = (maxPoints: number, weightPercent: number): number =>
  maxPoints * weightPercent;
