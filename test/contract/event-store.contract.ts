import { randomUUID } from 'node:crypto';
import { testEvent } from '../support';
import fc from 'fast-check';
import {
  AppendResult,
  DuplicateEventIdError,
  EventStore,
  GENESIS_HASH,
  RecordedEvent,
  StreamAppend,
  WrongExpectedRevisionError,
  verifyChain,
} from '@gongjian/event-store';

export interface OpenedStore {
  store: EventStore;
  cleanup: () => Promise<void>;
}

/** The behaviour every EventStore adapter must show. One suite, run once per adapter. */
export function describeEventStoreContract(adapterName: string, open: () => Promise<OpenedStore>) {
  describe(`EventStore contract: ${adapterName}`, () => {
    let opened: OpenedStore;
    let store: EventStore;
    // Unique stream names per test, so the suite can also run against a long-lived server.
    const stream = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;

    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(async () => {
      await opened.cleanup();
    });

    const event = (type = 'Tested', data: Record<string, unknown> = {}) => testEvent(data, type);
    const events = (n: number) => Array.from({ length: n }, (_, i) => event('Tested', { i }));

    describe('expected revision', () => {
      it('no_stream succeeds on a new stream and fails once it exists', async () => {
        const s = stream('exp');
        const first = await store.append(s, [event()], 'no_stream');
        expect(first.revision).toBe(0);
        await expect(store.append(s, [event()], 'no_stream')).rejects.toMatchObject({
          name: 'WrongExpectedRevisionError',
          actual: 0,
        });
      });

      it('an exact revision succeeds when it matches and conflicts otherwise', async () => {
        const s = stream('exp');
        await store.append(s, events(2), 'no_stream');
        const ok = await store.append(s, [event()], 1);
        expect(ok.revision).toBe(2);
        const error = await store.append(s, [event()], 1).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ streamId: s, expected: 1, actual: 2 });
      });

      it('an exact revision on a missing stream conflicts with actual no_stream', async () => {
        const s = stream('exp');
        await expect(store.append(s, [event()], 0)).rejects.toMatchObject({
          name: 'WrongExpectedRevisionError',
          actual: 'no_stream',
        });
      });

      it('any appends whatever the state; stream_exists needs the stream', async () => {
        const s = stream('exp');
        await expect(store.append(s, [event()], 'stream_exists')).rejects.toBeInstanceOf(
          WrongExpectedRevisionError,
        );
        expect((await store.append(s, [event()], 'any')).revision).toBe(0);
        expect((await store.append(s, [event()], 'any')).revision).toBe(1);
        expect((await store.append(s, [event()], 'stream_exists')).revision).toBe(2);
      });

      it('a refused append writes nothing', async () => {
        const s = stream('exp');
        await store.append(s, events(1), 'no_stream');
        await expect(store.append(s, events(3), 5)).rejects.toBeInstanceOf(
          WrongExpectedRevisionError,
        );
        expect(await store.readStream(s)).toHaveLength(1);
      });
    });

    describe('idempotent append', () => {
      it('re-appending the same event ids returns the first result and stores nothing new', async () => {
        const s = stream('idem');
        const batch = events(3);
        const first = await store.append(s, batch, 'no_stream');
        const again = await store.append(s, batch, 'no_stream');
        expect(again).toEqual(first);
        const afterAny = await store.append(s, batch, 'any');
        expect(afterAny).toEqual(first);
        expect(await store.readStream(s)).toHaveLength(3);
      });

      it('a retry after other events were appended still returns the first result', async () => {
        const s = stream('idem');
        const batch = events(2);
        const first = await store.append(s, batch, 'no_stream');
        await store.append(s, events(1), 1);
        expect(await store.append(s, batch, 'no_stream')).toEqual(first);
        expect(await store.readStream(s)).toHaveLength(3);
      });

      it('the append result names the stream, last revision, position and event ids', async () => {
        const s = stream('idem');
        const batch = events(2);
        const result = await store.append(s, batch, 'no_stream');
        const stored = await store.readStream(s);
        expect(result).toEqual({
          streamId: s,
          revision: 1,
          position: stored[1].position,
          eventIds: batch.map((e) => e.eventId),
        });
      });
    });

    describe('readStream', () => {
      it('reads forwards and backwards with from and limit', async () => {
        const s = stream('read');
        await store.append(s, events(5), 'no_stream');
        const all = await store.readStream(s);
        expect(all.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
        expect(all.map((e) => e.data.i)).toEqual([0, 1, 2, 3, 4]);
        expect((await store.readStream(s, { from: 2, limit: 2 })).map((e) => e.revision)).toEqual([
          2, 3,
        ]);
        const back = await store.readStream(s, { direction: 'backwards', limit: 2 });
        expect(back.map((e) => e.revision)).toEqual([4, 3]);
        const backFrom = await store.readStream(s, { direction: 'backwards', from: 1 });
        expect(backFrom.map((e) => e.revision)).toEqual([1, 0]);
      });

      it('returns the stored event with its metadata', async () => {
        const s = stream('read');
        const e = event('Shaped', { amountFen: 12345, name: '城乡共建', nested: { a: [1, 2] } });
        await store.append(s, [e], 'no_stream');
        const [stored] = await store.readStream(s);
        expect(stored).toMatchObject({
          eventId: e.eventId,
          streamId: s,
          revision: 0,
          type: 'Shaped',
          data: e.data,
          metadata: { ...e.metadata, prevHash: GENESIS_HASH },
        });
        expect(Date.parse(stored.metadata.recordedAt)).not.toBeNaN();
        expect(stored.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
      });

      it('an unknown stream reads as empty', async () => {
        expect(await store.readStream(stream('none'))).toEqual([]);
      });
    });

    describe('readAll and headPosition', () => {
      it('reads the log in order after an exclusive position', async () => {
        const a = stream('all');
        const b = stream('all');
        const start = await store.headPosition();
        await store.append(a, events(2), 'no_stream');
        await store.append(b, events(2), 'no_stream');
        await store.append(a, events(1), 1);
        const read = await store.readAll({ fromPosition: start, limit: 100 });
        const mine = read.filter((e) => e.streamId === a || e.streamId === b);
        expect(mine.map((e) => `${e.streamId === a ? 'a' : 'b'}${e.revision}`)).toEqual([
          'a0',
          'a1',
          'b0',
          'b1',
          'a2',
        ]);
        const positions = read.map((e) => e.position);
        expect([...positions].sort()).toEqual(positions);
        expect(new Set(positions).size).toBe(positions.length);
        expect(await store.headPosition()).toBe(positions[positions.length - 1]);

        const afterSecond = await store.readAll({ fromPosition: mine[1].position, limit: 2 });
        expect(afterSecond.map((e) => e.eventId)).toEqual([mine[2].eventId, mine[3].eventId]);
      });

      it('an empty tail reads as empty', async () => {
        await store.append(stream('all'), events(1), 'no_stream');
        const head = await store.headPosition();
        expect(head).toBeDefined();
        expect(await store.readAll({ fromPosition: head })).toEqual([]);
      });
    });

    describe('subscribeAll', () => {
      it('catches up, then delivers live events in order, exactly once', async () => {
        const s = stream('sub');
        const start = await store.headPosition();
        await store.append(s, events(3), 'no_stream');
        const subscription = store.subscribeAll({ fromPosition: start });
        const seen: RecordedEvent[] = [];
        const consumed = (async () => {
          for await (const e of subscription) {
            if (e.streamId !== s) continue;
            seen.push(e);
            if (seen.length === 6) break;
          }
        })();
        await waitFor(() => seen.length >= 3);
        await store.append(s, events(2), 2);
        await store.append(s, events(1), 4);
        await consumed;
        await subscription.close();
        expect(seen.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5]);
      });

      it('delivers everything, in order, to a consumer that pauses between pulls', async () => {
        const s = stream('sub');
        const start = await store.headPosition();
        await store.append(s, events(50), 'no_stream');
        const subscription = store.subscribeAll({ fromPosition: start });
        const iterator = subscription[Symbol.asyncIterator]();
        const first = await iterator.next();
        expect(first.done).toBe(false);
        // The consumer pauses after one event; writes made meanwhile arrive once it resumes.
        await store.append(s, events(5), 49);
        const revisions: number[] = [(first.value as RecordedEvent).revision];
        while (revisions.length < 55) {
          const next = await iterator.next();
          if (next.done) break;
          if (next.value.streamId === s) revisions.push(next.value.revision);
        }
        await subscription.close();
        expect(revisions).toEqual(Array.from({ length: 55 }, (_, i) => i));
      });

      it('close ends the iteration', async () => {
        const subscription = store.subscribeAll({ fromPosition: await store.headPosition() });
        const done = (async () => {
          const got: RecordedEvent[] = [];
          for await (const e of subscription) got.push(e);
          return got;
        })();
        await new Promise((r) => setTimeout(r, 50));
        await subscription.close();
        await expect(done).resolves.toEqual([]);
      });
    });

    describe('hash chain', () => {
      it('links every event of a stream to the one before, across appends', async () => {
        const s = stream('chain');
        await store.append(s, events(3), 'no_stream');
        await store.append(s, events(2), 2);
        await store.append(s, events(1), 'any');
        const stored = await store.readStream(s);
        expect(stored).toHaveLength(6);
        expect(stored[0].metadata.prevHash).toBe(GENESIS_HASH);
        for (let i = 1; i < stored.length; i++) {
          expect(stored[i].metadata.prevHash).toBe(stored[i - 1].metadata.hash);
        }
        expect(verifyChain(stored)).toBeUndefined();
      });

      it('detects altered data', async () => {
        const s = stream('chain');
        await store.append(s, events(3), 'no_stream');
        const stored = await store.readStream(s);
        const tampered = stored.map((e, i) => (i === 1 ? { ...e, data: { i: 99 } } : e));
        expect(verifyChain(tampered)).toEqual({
          streamId: s,
          revision: 1,
          reason: 'hash_mismatch',
        });
      });
    });

    describe('appendMany', () => {
      const revisions = async (s: string) => (await store.readStream(s)).map((e) => e.revision);

      it('appends to every stream; results and positions in the order of the request', async () => {
        const [a, b, c] = [stream('many'), stream('many'), stream('many')];
        await store.append(b, events(2), 'no_stream');
        const appends: StreamAppend[] = [
          { streamId: a, events: events(2), expected: 'no_stream' },
          { streamId: b, events: events(1), expected: 1 },
          { streamId: c, events: events(3), expected: 'any' },
        ];
        const results = await store.appendMany(appends);
        expect(results.map((r) => [r.streamId, r.revision])).toEqual([
          [a, 1],
          [b, 2],
          [c, 2],
        ]);
        results.forEach((r, i) =>
          expect(r.eventIds).toEqual(appends[i].events.map((e) => e.eventId)),
        );
        const positions = results.map((r) => r.position);
        expect([...positions].sort()).toEqual(positions);
        expect(new Set(positions).size).toBe(3);
        for (const result of results) {
          const [last] = await store.readStream(result.streamId, {
            direction: 'backwards',
            limit: 1,
          });
          expect(last).toMatchObject({ revision: result.revision, position: result.position });
        }
        expect(await revisions(a)).toEqual([0, 1]);
        expect(await revisions(b)).toEqual([0, 1, 2]);
        expect(await revisions(c)).toEqual([0, 1, 2]);
      });

      it('is all or nothing: one wrong expected revision names its stream and writes nothing', async () => {
        const [a, b, c] = [stream('many'), stream('many'), stream('many')];
        await store.append(b, events(2), 'no_stream');
        const error = await store
          .appendMany([
            { streamId: a, events: events(2), expected: 'no_stream' },
            { streamId: b, events: events(1), expected: 0 },
            { streamId: c, events: events(1), expected: 'any' },
          ])
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ streamId: b, expected: 0, actual: 1 });
        expect(await store.readStream(a)).toEqual([]);
        expect(await revisions(b)).toEqual([0, 1]);
        expect(await store.readStream(c)).toEqual([]);

        await expect(
          store.appendMany([
            { streamId: a, events: events(1), expected: 'no_stream' },
            { streamId: c, events: events(1), expected: 'stream_exists' },
          ]),
        ).rejects.toMatchObject({ name: 'WrongExpectedRevisionError', streamId: c });
        expect(await store.readStream(a)).toEqual([]);
      });

      it("reads its events back exactly as an append's: data, type and metadata, nothing added", async () => {
        const [a, b] = [stream('shape'), stream('shape')];
        const [x, y] = [
          event('Shaped', { amountFen: 600, name: '结对共建', nested: { list: [1, 2] } }),
          event('Linked', { pairingId: 'p-1' }),
        ];
        await store.append(b, events(1), 'no_stream');
        await store.appendMany([
          { streamId: a, events: [x], expected: 'no_stream' },
          { streamId: b, events: [y], expected: 0 },
        ]);
        const [storedX] = await store.readStream(a);
        const [, storedY] = await store.readStream(b);
        for (const [stored, sent] of [
          [storedX, x],
          [storedY, y],
        ] as const) {
          expect(stored).toEqual({
            eventId: sent.eventId,
            streamId: stored.streamId,
            revision: stored.revision,
            position: stored.position,
            type: sent.type,
            data: sent.data,
            metadata: {
              ...sent.metadata,
              recordedAt: expect.any(String),
              prevHash: expect.stringMatching(/^[0-9a-f]{64}$/),
              hash: expect.stringMatching(/^[0-9a-f]{64}$/),
            },
          });
        }
        expect(verifyChain(await store.readStream(b))).toBeUndefined();
      });

      it('refuses a stream named twice, an empty call and an event id used twice', async () => {
        const a = stream('many');
        const twice = events(2);
        expect(() =>
          store.appendMany([
            { streamId: a, events: events(1), expected: 'any' },
            { streamId: a, events: events(1), expected: 'any' },
          ]),
        ).toThrow(TypeError);
        expect(() => store.appendMany([])).toThrow(TypeError);
        expect(() =>
          store.appendMany([
            { streamId: a, events: [twice[0]], expected: 'any' },
            { streamId: stream('many'), events: [twice[0]], expected: 'any' },
          ]),
        ).toThrow(TypeError);
        expect(await store.readStream(a)).toEqual([]);
      });

      it("continues each stream's hash chain across append and appendMany", async () => {
        const [a, b] = [stream('chain'), stream('chain')];
        await store.append(a, events(2), 'no_stream');
        await store.appendMany([
          { streamId: a, events: events(2), expected: 1 },
          { streamId: b, events: events(1), expected: 'no_stream' },
        ]);
        await store.append(b, events(1), 0);
        await store.appendMany([
          { streamId: b, events: events(2), expected: 1 },
          { streamId: a, events: events(1), expected: 'any' },
        ]);
        await store.append(a, events(1), 'any');
        const storedA = await store.readStream(a);
        const storedB = await store.readStream(b);
        expect(storedA).toHaveLength(6);
        expect(storedB).toHaveLength(4);
        expect(verifyChain(storedA)).toBeUndefined();
        expect(verifyChain(storedB)).toBeUndefined();
      });

      it('a retry of the same call answers the first results and stores nothing new', async () => {
        const [a, b] = [stream('idem'), stream('idem')];
        const appends: StreamAppend[] = [
          { streamId: a, events: events(2), expected: 'no_stream' },
          { streamId: b, events: events(1), expected: 'no_stream' },
        ];
        const first = await store.appendMany(appends);
        expect(await store.appendMany(appends)).toEqual(first);
        await store.append(a, events(1), 1);
        await store.append(b, events(1), 0);
        expect(await store.appendMany(appends)).toEqual(first);
        expect(await store.appendMany(appends.map((x) => ({ ...x, expected: 'any' })))).toEqual(
          first,
        );
        expect(await revisions(a)).toEqual([0, 1, 2]);
        expect(await revisions(b)).toEqual([0, 1]);
      });

      it('a call of which only some events are stored is a duplicate, and writes nothing', async () => {
        const [a, b] = [stream('idem'), stream('idem')];
        const stored = events(1);
        await store.append(a, stored, 'no_stream');
        const fresh = events(1);
        await expect(
          store.appendMany([
            { streamId: b, events: fresh, expected: 'no_stream' },
            { streamId: a, events: stored, expected: 'no_stream' },
          ]),
        ).rejects.toBeInstanceOf(DuplicateEventIdError);
        expect(await store.readStream(b)).toEqual([]);
        expect(await revisions(a)).toEqual([0]);
      });

      it("readAll and subscribeAll see one call's events contiguously, in the order of the request", async () => {
        const [a, b, c, other] = [stream('log'), stream('log'), stream('log'), stream('log')];
        const start = await store.headPosition();
        const subscription = store.subscribeAll({ fromPosition: start });
        const delivered: RecordedEvent[] = [];
        const consumed = (async () => {
          for await (const e of subscription) {
            delivered.push(e);
            if (delivered.filter((d) => [a, b, c, other].includes(d.streamId)).length === 16) break;
          }
        })();
        const appends: StreamAppend[] = [
          { streamId: a, events: events(2), expected: 'no_stream' },
          { streamId: b, events: events(3), expected: 'no_stream' },
          { streamId: c, events: events(1), expected: 'no_stream' },
        ];
        const expectedIds = appends.flatMap((x) => x.events.map((e) => e.eventId));
        // Other writers at the same moment: their events must not land inside the call's.
        await Promise.all([
          store.appendMany(appends),
          ...Array.from({ length: 10 }, () => store.append(other, events(1), 'any')),
        ]);
        await consumed;
        await subscription.close();
        const read = await store.readAll({ fromPosition: start });
        for (const seen of [read, delivered]) {
          const ids = seen.map((e) => e.eventId);
          const at = ids.indexOf(expectedIds[0]);
          expect(at).toBeGreaterThanOrEqual(0);
          expect(ids.slice(at, at + expectedIds.length)).toEqual(expectedIds);
        }
      });

      it('concurrent appendMany and append on overlapping streams: one winner per revision, nothing partial', async () => {
        const [a, b, c] = [stream('race'), stream('race'), stream('race')];
        const head = async (s: string) => {
          const [last] = await store.readStream(s, { direction: 'backwards', limit: 1 });
          return last ? last.revision : ('no_stream' as const);
        };
        const attempts: { ids: string[][]; streams: string[] }[] = [];
        const wins: AppendResult[] = [];
        let conflicts = 0;
        await Promise.all(
          Array.from({ length: 12 }, async (_, w) => {
            for (let round = 0; round < 6; round++) {
              const streams = w % 3 === 0 ? [a] : w % 3 === 1 ? [a, b] : [b, c];
              const appends = await Promise.all(
                streams.map(async (s) => ({
                  streamId: s,
                  events: [event('Raced', { w, round }), event('Raced', { w, round })],
                  expected: await head(s),
                })),
              );
              attempts.push({ streams, ids: appends.map((x) => x.events.map((e) => e.eventId)) });
              try {
                if (appends.length === 1) {
                  const [one] = appends;
                  wins.push(await store.append(one.streamId, one.events, one.expected));
                } else wins.push(...(await store.appendMany(appends)));
              } catch (error) {
                if (!(error instanceof WrongExpectedRevisionError)) throw error;
                conflicts++;
              }
            }
          }),
        );
        expect(conflicts).toBeGreaterThan(0);
        const stored = new Map<string, RecordedEvent[]>();
        for (const s of [a, b, c]) {
          const events = await store.readStream(s);
          stored.set(s, events);
          expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
          expect(verifyChain(events)).toBeUndefined();
        }
        const where = new Map<string, string>();
        for (const [s, events] of stored) for (const e of events) where.set(e.eventId, s);
        for (const attempt of attempts) {
          const landed = attempt.ids.map((ids) => ids.filter((id) => where.has(id)).length);
          // Every stream of an attempt got all its events, or none of them did.
          const all = attempt.ids.every((ids, i) => landed[i] === ids.length);
          const none = landed.every((n) => n === 0);
          expect(all || none).toBe(true);
          if (all)
            attempt.ids.forEach((ids, i) =>
              ids.forEach((id) => expect(where.get(id)).toBe(attempt.streams[i])),
            );
        }
        // Each win took its revisions exactly once.
        const taken = wins.map((r) => `${r.streamId}@${r.revision}`);
        expect(new Set(taken).size).toBe(taken.length);
        const total = [...stored.values()].reduce((n, events) => n + events.length, 0);
        expect(wins.length * 2).toBe(total);
      });
    });

    describe('appendMany against a model (property)', () => {
      type Expectation = 'head' | 'wrong' | 'any' | 'no_stream' | 'stream_exists';
      type Op =
        | { kind: 'write'; parts: { stream: number; count: number; expect: Expectation }[] }
        | { kind: 'retry'; of: number };

      const op: fc.Arbitrary<Op> = fc.oneof(
        {
          weight: 4,
          arbitrary: fc.record({
            kind: fc.constant('write' as const),
            parts: fc.uniqueArray(
              fc.record({
                stream: fc.integer({ min: 0, max: 3 }),
                count: fc.integer({ min: 1, max: 3 }),
                expect: fc.constantFrom<Expectation>(
                  'head',
                  'head',
                  'wrong',
                  'any',
                  'no_stream',
                  'stream_exists',
                ),
              }),
              { minLength: 1, maxLength: 3, selector: (p) => p.stream },
            ),
          }),
        },
        { weight: 1, arbitrary: fc.record({ kind: fc.constant('retry' as const), of: fc.nat() }) },
      );

      it('every call is all or nothing, refusals name their stream, retries answer the first results', async () => {
        await fc.assert(
          fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
            const names = [0, 1, 2, 3].map(() => stream('model'));
            const model = names.map(() => [] as string[]);
            const done: { appends: StreamAppend[]; results: AppendResult[] }[] = [];
            for (const step of ops) {
              if (step.kind === 'retry') {
                if (done.length === 0) continue;
                const earlier = done[step.of % done.length];
                expect(await store.appendMany(earlier.appends)).toEqual(earlier.results);
                continue;
              }
              const appends: StreamAppend[] = step.parts.map(({ stream: i, count, expect: e }) => {
                const head = model[i].length - 1;
                const expected =
                  e === 'head' ? (head < 0 ? 'no_stream' : head) : e === 'wrong' ? head + 1 : e;
                return { streamId: names[i], events: events(count), expected };
              });
              const refusedAt = step.parts.findIndex(({ stream: i }, k) => {
                const { expected } = appends[k];
                const head = model[i].length - 1;
                if (expected === 'no_stream') return head >= 0;
                if (expected === 'stream_exists') return head < 0;
                return typeof expected === 'number' && expected !== head;
              });
              const outcome = await store.appendMany(appends).then(
                (results) => ({ results }),
                (error: unknown) => ({ error }),
              );
              if (refusedAt >= 0) {
                expect(outcome).toMatchObject({ error: { streamId: appends[refusedAt].streamId } });
                expect((outcome as { error: unknown }).error).toBeInstanceOf(
                  WrongExpectedRevisionError,
                );
              } else {
                expect(outcome).toHaveProperty('results');
                const { results } = outcome as { results: AppendResult[] };
                step.parts.forEach(({ stream: i }, k) => {
                  model[i].push(...appends[k].events.map((e) => e.eventId));
                  expect(results[k]).toMatchObject({
                    streamId: names[i],
                    revision: model[i].length - 1,
                  });
                });
                done.push({ appends, results });
              }
            }
            for (const [i, name] of names.entries()) {
              const stored = await store.readStream(name);
              expect(stored.map((e) => e.eventId)).toEqual(model[i]);
              expect(verifyChain(stored)).toBeUndefined();
            }
          }),
          { numRuns: 15 },
        );
      });
    });

    describe('concurrency', () => {
      it('parallel writers with expected revisions: one winner per revision, no gaps, no duplicates', async () => {
        const s = stream('race');
        const writers = 16;
        const rounds = 8;
        const wins: number[] = [];
        let conflicts = 0;
        await Promise.all(
          Array.from({ length: writers }, async (_, w) => {
            for (let round = 0; round < rounds; round++) {
              const head = await store.readStream(s, { direction: 'backwards', limit: 1 });
              const expected = head.length ? head[0].revision : 'no_stream';
              try {
                const result = await store.append(s, [event('Raced', { w, round })], expected);
                wins.push(result.revision);
              } catch (error) {
                if (!(error instanceof WrongExpectedRevisionError)) throw error;
                conflicts++;
              }
            }
          }),
        );
        const stored = await store.readStream(s);
        expect(stored.map((e) => e.revision)).toEqual(stored.map((_, i) => i));
        expect([...wins].sort((a, b) => a - b)).toEqual(stored.map((e) => e.revision));
        expect(new Set(stored.map((e) => e.eventId)).size).toBe(stored.length);
        expect(wins.length + conflicts).toBe(writers * rounds);
        expect(verifyChain(stored)).toBeUndefined();
      });

      it('parallel appends with any to one stream keep the chain intact', async () => {
        const s = stream('race');
        await Promise.all(Array.from({ length: 20 }, () => store.append(s, events(2), 'any')));
        const stored = await store.readStream(s);
        expect(stored).toHaveLength(40);
        expect(verifyChain(stored)).toBeUndefined();
      });
    });
  });
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
