import { SerializedPage, SerializedPages, serializeView } from './serialized-page';

describe('SerializedPage', () => {
  const views = [
    { organizationId: 'T01-v001', name: '城关镇刘李村党支部', stars: 2, vetoes: [] },
    { organizationId: 'T01-v002', name: '“引号”\\和\n换行', stars: null, limits: [{ a: 1 }] },
  ];

  it.each([
    ['two items and a cursor', views, 'Y3Vyc29y'],
    ['one item, last page', views.slice(0, 1), null],
    ['no items', [], null],
  ])('gives the bytes JSON.stringify gives: %s', (_, items, nextCursor) => {
    const page = new SerializedPage(items.map(serializeView), nextCursor);
    expect(page.toBuffer().toString('utf8')).toBe(JSON.stringify({ items, nextCursor }));
  });
});

describe('SerializedPages', () => {
  const versions = [
    { _id: 'a', _pos: '00000000000000000007' },
    { _id: 'b', _pos: '00000000000000000009' },
  ];
  const render = (label: string) =>
    jest.fn(async () => versions.map((v) => serializeView({ id: v._id, label })));

  it('builds a page again only when a document on it, its cursor or its collection moved', async () => {
    const pages = new SerializedPages();
    const first = render('first');
    const again = render('again');
    const page = await pages.page('ratings_v1', versions, 'c1', first);
    expect(await pages.page('ratings_v1', versions, 'c1', again)).toBe(page);
    expect(again).not.toHaveBeenCalled();

    const moved = [versions[0], { _id: 'b', _pos: '00000000000000000012' }];
    const changed = await pages.page('ratings_v1', moved, 'c1', render('moved'));
    expect(JSON.parse(changed.toBuffer().toString()).items[0].label).toBe('moved');
    const otherCursor = await pages.page('ratings_v1', versions, null, render('last'));
    expect(otherCursor.nextCursor).toBeNull();
    const rebuilt = await pages.page('ratings_v1g1', versions, 'c1', render('rebuilt'));
    expect(JSON.parse(rebuilt.toBuffer().toString()).items[1].label).toBe('rebuilt');
  });
});
