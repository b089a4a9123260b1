import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { hashLink, RecordedEvent } from '@gongjian/event-store';
import { eventBytes, linkHash, readLeaf } from './event-leaf';

// Hashed JSON holds integers and strings (DESIGN.md, Audit), in objects and arrays.
const { jsonValue } = fc.letrec((tie) => ({
  jsonValue: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: 'binary' }),
    fc.integer(),
    fc.array(tie('jsonValue'), { maxLength: 3 }),
    fc.dictionary(fc.string(), tie('jsonValue'), { maxKeys: 3 }),
  ),
}));

const recordedEvent = fc.record({
  eventId: fc.uuid(),
  streamId: fc.string({ minLength: 1 }),
  revision: fc.nat(),
  position: fc.stringMatching(/^\d{20}$/),
  type: fc.string({ minLength: 1 }),
  data: fc.dictionary(fc.string(), jsonValue),
  metadata: fc.record({
    commandId: fc.string(),
    correlationId: fc.string(),
    causationId: fc.string(),
    actor: fc.record({ id: fc.string(), role: fc.string() }),
    occurredAt: fc.string(),
    schemaVersion: fc.nat(),
    recordedAt: fc.string(),
    prevHash: fc.string(),
    hash: fc.string(),
  }),
}) as fc.Arbitrary<RecordedEvent>;

describe('event bytes', () => {
  it('links are the bytes the chain hashes, and leaves are canonical JSON of { hash, link, position } (property)', () => {
    fc.assert(
      fc.property(recordedEvent, (event) => {
        const bytes = eventBytes(event);
        const { hash, ...metadata } = event.metadata;
        const link = {
          streamId: event.streamId,
          revision: event.revision,
          eventId: event.eventId,
          type: event.type,
          data: event.data,
          metadata,
        };
        expect(linkHash(bytes)).toBe(hashLink(link));
        expect(bytes.leaf.toString('utf8')).toBe(
          canonicalize({ hash, link, position: event.position }),
        );
        expect(readLeaf(bytes.leaf)).toEqual({ hash, link, position: event.position });
      }),
    );
  });

  it('refuses leaf bytes that are not canonical', () => {
    expect(() => readLeaf(Buffer.from('{"position":"1","hash":"a","link":{}}'))).toThrow(
      /canonical/,
    );
  });
});
