import { Position } from '../../position';

const WIDTH = 20;

export function encodeSqlitePosition(rowid: number | bigint): Position {
  return String(rowid).padStart(WIDTH, '0');
}

export function decodeSqlitePosition(position: Position): number {
  if (!/^\d{20}$/.test(position)) throw new RangeError(`not a sqlite log position: ${position}`);
  return Number(position);
}
