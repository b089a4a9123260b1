import { Position } from '../../position';

/** A KurrentDB log position: commit and prepare positions in the transaction file. */
export interface KurrentDbPosition {
  commit: bigint;
  prepare: bigint;
}

const MAX_U64 = (1n << 64n) - 1n;
const WIDTH = 20; // digits of 2^64 - 1
const FORMAT = /^(\d{20})-(\d{20})$/;

/**
 * `<commit, 20 digits>-<prepare, 20 digits>`: fixed width, so that plain string order is log order
 * (KurrentDB orders positions by commit, then prepare).
 */
export function encodeKurrentDbPosition({ commit, prepare }: KurrentDbPosition): Position {
  return `${digits(commit)}-${digits(prepare)}`;
}

export function decodeKurrentDbPosition(position: Position): KurrentDbPosition {
  const match = FORMAT.exec(position);
  if (!match) throw new TypeError(`not a kurrentdb position: ${position}`);
  const commit = BigInt(match[1]);
  const prepare = BigInt(match[2]);
  if (commit > MAX_U64 || prepare > MAX_U64)
    throw new TypeError(`position out of range: ${position}`);
  return { commit, prepare };
}

function digits(value: bigint): string {
  if (value < 0n || value > MAX_U64)
    throw new RangeError(`position component out of range: ${value}`);
  return value.toString().padStart(WIDTH, '0');
}
