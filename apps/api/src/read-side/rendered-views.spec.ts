import { SqliteDocumentStore } from '@gongjian/read-store';
import { RenderedViews, renderVersions } from './rendered-views';

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

describe('renderVersions', () => {
  const store = new SqliteDocumentStore(':memory:');
  const members = store.collection('members_v1');
  afterAll(() => store.close());

  it('renders a document again only when its position or the day moved', async () => {
    const views = new RenderedViews<{ id: string; stage: unknown; day: string }>();
    let rendered = 0;
    const render = (day: string) => async () =>
      renderVersions(views, await members.findVersions({}), members, day, (d) => {
        rendered++;
        return { id: d._id, stage: d.stage, day };
      });
    await members.writeGuarded([
      { _id: 'm-1', _pos: '001', stage: 'applicant' },
      { _id: 'm-2', _pos: '002', stage: 'activist' },
    ]);
    expect(await render('2026-12-01')()).toEqual([
      { id: 'm-1', stage: 'applicant', day: '2026-12-01' },
      { id: 'm-2', stage: 'activist', day: '2026-12-01' },
    ]);
    await render('2026-12-01')();
    expect(rendered).toBe(2);
    await members.writeGuarded([{ _id: 'm-1', _pos: '003', stage: 'activist' }]);
    expect((await render('2026-12-01')()).map((v) => v.stage)).toEqual(['activist', 'activist']);
    expect(rendered).toBe(3);
    await render('2026-12-02')();
    expect(rendered).toBe(5);
    const versions = await members.findVersions({});
    await members.deleteByIds(['m-2']);
    const fresh = new RenderedViews<string>();
    expect(await renderVersions(fresh, versions, members, '2026-12-02', (d) => d._id)).toEqual([
      'm-1',
    ]);
  });
});
