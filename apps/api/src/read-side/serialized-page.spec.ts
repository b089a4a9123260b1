import { SerializedPage, serializeView } from './serialized-page';

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
