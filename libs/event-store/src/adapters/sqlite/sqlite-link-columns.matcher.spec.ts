import fc from 'fast-check';
import { linkBytes } from '../../hash-chain';
import { LinkColumns, SqliteLinkColumnsMatcher } from './sqlite-link-columns.matcher';

const columns: LinkColumns = {
  eventId: '6593d2a1-997d-4b5c-ad64-e2112c725b7b',
  streamId: 'pairing-p-99',
  revision: 41,
  type: 'ActivityLogged',
  recordedAt: '2026-12-01T16:46:55.962Z',
  prevHash: 'ab'.repeat(32),
};

/** The link the store writes for these columns. */
function link(data: unknown = { n: 1 }, extraMetadata: object = {}, at: LinkColumns = columns) {
  return linkBytes({
    streamId: at.streamId,
    revision: at.revision,
    eventId: at.eventId,
    type: at.type,
    data,
    metadata: {
      actor: { id: 'u-1', role: 'operator' },
      ...extraMetadata,
      recordedAt: at.recordedAt,
      prevHash: at.prevHash,
    },
  } as never);
}

/** What the port concludes from the same bytes: JSON.parse, then the same six comparisons. */
function portAgrees(text: string, at: LinkColumns): boolean {
  let parsed: Record<string, unknown> & { metadata?: Record<string, unknown> };
  try {
    parsed = JSON.parse(text);
  } catch {
    return false;
  }
  return (
    parsed.eventId === at.eventId &&
    parsed.streamId === at.streamId &&
    parsed.revision === at.revision &&
    parsed.type === at.type &&
    parsed.metadata?.recordedAt === at.recordedAt &&
    parsed.metadata?.prevHash === at.prevHash
  );
}

/** Matches `text` placed at `offset` in a larger buffer, between other bytes, as in a batch. */
function matches(text: string | Buffer, at: LinkColumns = columns, offset = 0): boolean {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  const batch = Buffer.concat([Buffer.from('{"x":"'.slice(0, offset)), bytes, Buffer.from('"}')]);
  return new SqliteLinkColumnsMatcher().matches(batch, offset, offset + bytes.length, at);
}

describe('SqliteLinkColumnsMatcher', () => {
  it('matches every link the store writes with the columns written beside it', () => {
    const text = link({
      text: '村党支部 "引号" \\ 反斜杠\n\u0001',
      list: [1, -2.5e3, true, null, {}, []],
    });
    for (let offset = 0; offset < 4; offset++) expect(matches(text, columns, offset)).toBe(true);
    expect(matches(link({}, { causationId: 'c', schemaVersion: 1, zz: { prevHash: 'x' } }))).toBe(
      true,
    );
  });

  it('reads escaped keys and values as JSON.parse does', () => {
    const text = link()
      .replace('"eventId"', '"event\\u0049d"')
      .replace('"type":"ActivityLogged"', '"type":"Activity\\u004cogged"');
    expect(portAgrees(text, columns)).toBe(true);
    expect(matches(text)).toBe(true);
    const quoted = { ...columns, streamId: 'a "quoted" \\ stream\n' };
    expect(matches(link({}, {}, quoted), quoted)).toBe(true);
  });

  it('matches links of any data, at any place in the batch', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.nat(3),
        (data, extra, offset) => {
          const { recordedAt: _r, prevHash: _p, ...metadata } = extra;
          expect(matches(link(data, metadata), columns, offset)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it.each([
    ['eventId', '6593d2a1-997d-4b5c-ad64-e2112c725b7c'],
    ['streamId', 'pairing-p-9'],
    ['revision', 40],
    ['type', 'ActivityLogge'],
    ['recordedAt', '2026-12-01T16:46:55.963Z'],
    ['prevHash', 'ab'.repeat(31) + 'ac'],
    ['revision', '41'],
    ['eventId', Buffer.from('6593d2a1-997d-4b5c-ad64-e2112c725b7b')],
    ['type', null],
  ])('does not match when the %s column is %p', (column, value) => {
    expect(matches(link(), { ...columns, [column]: value })).toBe(false);
  });

  it.each([
    [
      'a field only in data',
      link({ eventId: 'x' })
        .replace('"eventId":"x"', `"eventId":"${columns.eventId}"`)
        .replace(`"eventId":"${columns.eventId}","metadata"`, '"eventId":"other","metadata"'),
    ],
    [
      'prevHash nested in the metadata',
      link({}, { a: { prevHash: columns.prevHash } }).replace(
        `"prevHash":"${columns.prevHash}","recordedAt"`,
        `"prevHash":"${'0'.repeat(64)}","recordedAt"`,
      ),
    ],
    [
      'a key given twice',
      link().replace('"type":"ActivityLogged"', '"type":"ActivityLogged","type":"Other"'),
    ],
    ['metadata given twice', link().replace(/}$/, ',"metadata":{}}')],
    [
      'a key given twice, once escaped',
      link().replace('"type":"ActivityLogged"', '"type":"ActivityLogged","typ\\u0065":"Other"'),
    ],
    [
      'an escaped value that differs',
      link().replace('"type":"ActivityLogged"', '"type":"Activity\\u004dogged"'),
    ],
    ['a quoted revision', link().replace('"revision":41', '"revision":"41"')],
    ['a revision written as a fraction', link().replace('"revision":41', '"revision":41.0')],
    [
      'metadata that is no object',
      link().replace(/"metadata":\{.*?\},"revision"/, '"metadata":[],"revision"'),
    ],
    ['whitespace', link().replace('"type":', '"type": ')],
    ['trailing bytes', `${link()} `],
    ['a second value', `${link()}{}`],
    ['a top-level array', `[${link()}]`],
    ['a control character in a string', link({ s: 'a\u0001b' }).replace('\\u0001', '\u0001')],
    ['a bad escape', link({ s: 'a' }).replace('"s":"a"', '"s":"\\x"')],
    ['a short unicode escape', link({ s: 'a' }).replace('"s":"a"', '"s":"\\u12"')],
    ['a number with a leading zero', link({ n: 1 }).replace('"n":1', '"n":01')],
    ['a number without digits after its point', link({ n: 1 }).replace('"n":1', '"n":1.')],
    ['an exponent without digits', link({ n: 1 }).replace('"n":1', '"n":1e+')],
    ['a misspelt literal', link({ n: true }).replace('true', 'ture')],
    ['a missing comma', link({ a: 1, b: 2 }).replace('"a":1,', '"a":1')],
    ['a trailing comma', link({ a: 1 }).replace('"a":1}', '"a":1,}')],
    ['an unclosed object', link().slice(0, -1)],
    ['a bracket for a brace', link({ a: [1] }).replace('[1]', '[1}')],
  ])('does not match with %s (the port decides then)', (_case, text) => {
    expect(text).not.toBe(link());
    expect(matches(text)).toBe(false);
  });

  it('refuses a control character at any offset of a long string, whatever the alignment', () => {
    const text = link({ s: 'x'.repeat(40) });
    const from = text.indexOf('x'.repeat(40));
    for (let at = from; at < from + 40; at++) {
      for (const c of ['\u0000', '\u001f', '"', '\\']) {
        const edited = text.slice(0, at) + c + text.slice(at + 1);
        for (let offset = 0; offset < 4; offset++)
          expect(matches(edited, columns, offset)).toBe(false);
      }
    }
  });

  it('never matches where the port would not agree: random edits of a link', () => {
    const text = link({ a: [1, 'b', { eventId: columns.eventId }], s: '"\\' }, { z: 1 });
    const bytes = Buffer.from(text, 'utf8');
    const special = [...'{}[]":,\\ 0-.eE+tfn\u0000\u001f'].map((c) => c.charCodeAt(0));
    let matched = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.nat(bytes.length - 1), fc.oneof(fc.constantFrom(...special), fc.nat(255))),
          {
            minLength: 1,
            maxLength: 3,
          },
        ),
        fc.option(fc.nat(bytes.length), { nil: undefined }),
        (edits, cut) => {
          const edited = Buffer.from(bytes);
          for (const [at, value] of edits) edited[at] = value;
          const tried = cut === undefined ? edited : edited.subarray(0, cut);
          const found = matches(tried);
          if (found) matched++;
          if (found) expect(portAgrees(tried.toString('utf8'), columns)).toBe(true);
        },
      ),
      { numRuns: 20_000, seed: 20261201 },
    );
    // Edits inside the data keep it matching: the property did see both answers.
    expect(matched).toBeGreaterThan(100);
  });
});
