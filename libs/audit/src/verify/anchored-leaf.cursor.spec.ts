import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LeafIndex, LeafRun } from '../anchors/leaf-index';
import { AnchoredLeafCursor } from './anchored-leaf.cursor';

const leaf = (i: number) => Buffer.alloc(32, i + 1);

/** Takes the leaves in batches of these sizes; each batch as the 32-byte slots it filled. */
function take(cursor: AnchoredLeafCursor, sizes: number[]): Buffer[][] {
  return sizes.map((n) => {
    const target = new Uint8Array(32 * n);
    const copied = cursor.copyInto(target, n);
    return Array.from({ length: copied }, (_, i) =>
      Buffer.from(target.subarray(32 * i, 32 * i + 32)),
    );
  });
}

describe('AnchoredLeafCursor', () => {
  it('hands out the leaves in order across pages and single leaves, and stops where they end', () => {
    const all = Array.from({ length: 12 }, (_, i) => leaf(i));
    const runs: LeafRun[] = [
      { leaves: Buffer.concat(all.slice(0, 5)), count: 5 },
      { leaves: all[5], count: 1 },
      { leaves: Buffer.concat(all.slice(6, 12)), count: 6 },
    ];
    const batches = take(new AnchoredLeafCursor(runs.values()), [3, 4, 1, 7, 2]);
    expect(batches.map((b) => b.length)).toEqual([3, 4, 1, 4, 0]);
    expect(batches.flat()).toEqual(all);
  });

  it('gives the leaf index in the order leafHashes gives it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongjian-leaf-cursor-'));
    const index = new LeafIndex(join(dir, 'leaves.sqlite'));
    try {
      const entries = Array.from({ length: 25_003 }, (_, i) => ({
        index: i,
        position: String(i),
        streamId: 's',
        revision: i,
        leafHash: Buffer.alloc(32, i % 251).fill(i >> 8, 0, 1),
      }));
      index.append(entries);
      const expected = [...index.leafHashes(25_001)];
      const cursor = new AnchoredLeafCursor(index.leafRuns(25_001));
      const got = take(cursor, [1, 9_998, 1_500, 13_000, 600]).flat();
      cursor.close();
      expect(got.length).toBe(25_001);
      expect(got.every((l, i) => l.equals(expected[i]))).toBe(true);
      expect(expected.every((l, i) => l.equals(entries[i].leafHash))).toBe(true);
    } finally {
      index.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
