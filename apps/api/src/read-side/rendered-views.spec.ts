import { RenderedViews } from './rendered-views';

describe('rendered views', () => {
  it('answers a view only for the version it was rendered from', () => {
    const views = new RenderedViews<{ n: number }>();
    views.set('pairings_v2', 'p-1', '0001|2026-12-01', { n: 1 });
    expect(views.get('pairings_v2', 'p-1', '0001|2026-12-01')).toEqual({ n: 1 });
    expect(views.get('pairings_v2', 'p-1', '0002|2026-12-01')).toBeUndefined();
    expect(views.get('pairings_v2', 'p-1', '0001|2026-12-02')).toBeUndefined();
    expect(views.get('pairings_v3', 'p-1', '0001|2026-12-01')).toBeUndefined();
  });

  it('keeps at most its bound, dropping the least recently used', () => {
    const views = new RenderedViews<number>(2);
    views.set('c', 'a', 'v', 1);
    views.set('c', 'b', 'v', 2);
    views.get('c', 'a', 'v');
    views.set('c', 'c', 'v', 3);
    expect([views.get('c', 'a', 'v'), views.get('c', 'b', 'v'), views.get('c', 'c', 'v')]).toEqual([
      1,
      undefined,
      3,
    ]);
  });
});
