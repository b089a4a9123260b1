/**
 * A log position: opaque to callers, fixed-width so that plain string comparison is log order.
 * Each adapter encodes its own engine's positions; callers only compare and store them.
 */
export type Position = string;

export function comparePositions(a: Position, b: Position): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isAfter(a: Position | undefined, b: Position | undefined): boolean {
  if (a === undefined) return false;
  if (b === undefined) return true;
  return a > b;
}
