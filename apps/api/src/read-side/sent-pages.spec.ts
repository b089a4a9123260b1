import { SentPages } from './sent-pages';
import { SerializedPage, serializeView } from './serialized-page';

describe('SentPages', () => {
  const first = serializeView({ organizationId: 'T01-v001', stars: 2 });
  const second = serializeView({ organizationId: 'T01-v002', stars: 3 });
  const url = '/api/v1/ratings?limit=2';

  it('sends the same bytes again while the page names the same item buffers and cursor', () => {
    const sent = new SentPages();
    const bytes = sent.bytesOf(url, new SerializedPage([first, second], 'Y3Vyc29y'));
    expect(sent.bytesOf(url, new SerializedPage([first, second], 'Y3Vyc29y'))).toBe(bytes);
  });

  it.each([
    [
      'an item rendered again',
      [first, serializeView({ organizationId: 'T01-v002', stars: 4 })],
      'Y3Vyc29y',
    ],
    ['an item fewer', [first], 'Y3Vyc29y'],
    ['another cursor', [first, second], null],
  ])('joins the page anew after %s', (_, items, nextCursor) => {
    const sent = new SentPages();
    sent.bytesOf(url, new SerializedPage([first, second], 'Y3Vyc29y'));
    const page = new SerializedPage(items, nextCursor);
    expect(sent.bytesOf(url, page).toString('utf8')).toBe(page.toBuffer().toString('utf8'));
    expect(sent.bytesOf(url, page).toString('utf8')).not.toBe(
      new SerializedPage([first, second], 'Y3Vyc29y').toBuffer().toString('utf8'),
    );
  });

  it('keeps pages apart by URL', () => {
    const sent = new SentPages();
    const all = sent.bytesOf(url, new SerializedPage([first, second], null));
    const three = sent.bytesOf(`${url}&stars=3`, new SerializedPage([second], null));
    expect(sent.bytesOf(url, new SerializedPage([first, second], null))).toBe(all);
    expect(sent.bytesOf(`${url}&stars=3`, new SerializedPage([second], null))).toBe(three);
    expect(three.toString('utf8')).toBe(
      JSON.stringify({ items: [JSON.parse(second.toString())], nextCursor: null }),
    );
  });

  it('keeps no more bytes than its bound', () => {
    const sent = new SentPages(first.length + 40);
    const bytes = sent.bytesOf('/a', new SerializedPage([first], null));
    sent.bytesOf('/b', new SerializedPage([first], null));
    expect(sent.bytesOf('/a', new SerializedPage([first], null))).not.toBe(bytes);
  });
});
