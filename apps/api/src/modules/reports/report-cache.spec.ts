import type { ReportTable } from '@gongjian/projections';
import { ReportCache } from './report-cache';

const table = (n: number) => ({ report: 'x', year: n }) as unknown as ReportTable;

describe('ReportCache', () => {
  it('shares one build among concurrent and repeated requests within its time', async () => {
    const cache = new ReportCache(60_000);
    let builds = 0;
    const build = async () => table(++builds);
    const answers = await Promise.all([1, 2, 3].map(() => cache.get('k', build, false)));
    expect(answers.map((t) => t.year)).toEqual([1, 1, 1]);
    expect((await cache.get('k', build, false)).year).toBe(1);
    expect((await cache.get('other', build, false)).year).toBe(2);
  });

  it('builds afresh for a request that waited for a position, and keeps that table', async () => {
    const cache = new ReportCache(60_000);
    let builds = 0;
    const build = async () => table(++builds);
    await cache.get('k', build, false);
    expect((await cache.get('k', build, true)).year).toBe(2);
    expect((await cache.get('k', build, false)).year).toBe(2);
  });

  it("a fresh table stored while a shared build is under way answers that build's readers", async () => {
    const cache = new ReportCache(60_000);
    let finishShared: (t: ReportTable) => void = () => undefined;
    const shared = cache.get('k', () => new Promise((resolve) => (finishShared = resolve)), false);
    await cache.get('k', async () => table(2), true);
    finishShared(table(1));
    expect((await shared).year).toBe(2);
  });

  it('builds every time when switched off', async () => {
    const cache = new ReportCache(0);
    let builds = 0;
    const build = async () => table(++builds);
    await cache.get('k', build, false);
    expect((await cache.get('k', build, false)).year).toBe(2);
  });
});
