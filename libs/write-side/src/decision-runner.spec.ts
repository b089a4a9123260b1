import { randomUUID } from 'node:crypto';
import {
  organizationDecider,
  organizationStreamId,
  RecordMemberCount,
  RegisterOrganization,
} from '@gongjian/domain';
import {
  OutcomeUnknownError,
  SqliteEventStore,
  WrongExpectedRevisionError,
} from '@gongjian/event-store';
import { failingAfterWrite } from '@gongjian/testing';
import { domainCommand } from './command-context';
import { CommandMetadata } from './command-metadata';
import { DecisionRunner } from './decision-runner';
import { commandIdFor } from './deterministic-ids';
import { IDEMPOTENCY_KEY_RECORDED, idempotencyStreamId } from './idempotency-record';
import {
  ConcurrencyConflictError,
  IdempotencyKeyReusedError,
  PreconditionFailedError,
} from './write-side.errors';

const HASH_KEY = Buffer.alloc(32, 7);
const actor = { id: 'admin:spec', role: 'admin', townships: [] };

const metadata = (commandId: string, requestHash: string): CommandMetadata => ({
  commandId,
  correlationId: commandId,
  requestHash,
  actor,
  now: '2026-03-10T02:00:00.000Z',
});

const register = (runner: DecisionRunner, id: string, meta: CommandMetadata) =>
  runner.run({
    id,
    streamId: organizationStreamId(id),
    decider: organizationDecider,
    metadata: meta,
    command: () =>
      domainCommand<RegisterOrganization>(
        'RegisterOrganization',
        { id, name: `${id} 党支部`, level: 'branch', sector: 'village', township: 'T01' },
        meta,
      ),
  });

describe('DecisionRunner: idempotency across streams', () => {
  let store: SqliteEventStore;
  let runner: DecisionRunner;

  beforeEach(() => {
    store = new SqliteEventStore(':memory:');
    runner = new DecisionRunner(store, HASH_KEY);
  });
  afterEach(() => store.close());

  it('records the first use of a key in its own stream, in the same append as the events', async () => {
    const commandId = commandIdFor(actor.id, 'K1');
    const result = await register(runner, 'org-a', metadata(commandId, 'POST /organizations A'));
    const [record] = await store.readStream(idempotencyStreamId(commandId));
    expect(record).toMatchObject({
      type: IDEMPOTENCY_KEY_RECORDED,
      data: {
        commandId,
        actorId: actor.id,
        target: { id: 'org-a', streamId: 'organization-org-a' },
        streams: [{ streamId: 'organization-org-a', eventIds: result.eventIds }],
      },
    });
    expect(record.data.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(record.data.fingerprint).not.toBe('POST /organizations A');
    const [event] = await store.readStream('organization-org-a');
    // Written first in the same append: the position answered to the client covers the record.
    expect(record.position < event.position).toBe(true);
  });

  it('answers the same key and body again with the first result and no new event', async () => {
    const meta = metadata(commandIdFor(actor.id, 'K2'), 'POST /organizations A');
    const first = await register(runner, 'org-a', meta);
    const before = (await store.readAll()).length;
    expect(await register(runner, 'org-a', meta)).toEqual(first);
    expect(await store.readAll()).toHaveLength(before);
  });

  it('keeps the first use of a key that changed nothing: another request with it is 422', async () => {
    const commandId = commandIdFor(actor.id, 'K-NOOP');
    const nothing = (meta: CommandMetadata) =>
      runner.runAcross({
        id: 'org-a',
        streamId: 'organization-org-a',
        metadata: meta,
        decide: async () => undefined,
      });
    const first = await nothing(metadata(commandId, 'POST /x A'));
    expect(first.eventIds).toEqual([]);
    expect(await nothing(metadata(commandId, 'POST /x A'))).toEqual(first);
    await expect(nothing(metadata(commandId, 'POST /x B'))).rejects.toBeInstanceOf(
      IdempotencyKeyReusedError,
    );
    await expect(
      register(runner, 'org-a', metadata(commandId, 'POST /organizations A')),
    ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect(await store.readStream('organization-org-a')).toHaveLength(0);
  });

  it('If-Match on a resource that does not exist: its own refusal first, else 412', async () => {
    const meta = { ...metadata(randomUUID(), 'x'), ifMatch: 0 };
    const unknown = runner.run({
      id: 'nope',
      streamId: organizationStreamId('nope'),
      decider: organizationDecider,
      metadata: meta,
      command: () =>
        domainCommand<RecordMemberCount>(
          'RecordMemberCount',
          { organizationId: 'nope', year: 2025, count: 3 },
          meta,
        ),
    });
    await expect(unknown).rejects.toMatchObject({ code: 'ORGANIZATION_NOT_FOUND' });
    // Without If-Match this would create the stream: the precondition (revision 0) is false.
    await expect(register(runner, 'org-a', meta)).rejects.toBeInstanceOf(PreconditionFailedError);
    expect(await store.readAll()).toHaveLength(0);
  });

  it('refuses the same key with another body on another stream (422), writing nothing', async () => {
    const commandId = commandIdFor(actor.id, 'K3');
    await register(runner, 'org-a', metadata(commandId, 'POST /organizations A'));
    const before = (await store.readAll()).length;
    await expect(
      register(runner, 'org-b', metadata(commandId, 'POST /organizations B')),
    ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect(await store.readStream('organization-org-b')).toEqual([]);
    expect(await store.readAll()).toHaveLength(before);
  });

  it('of concurrent requests with one key on two streams, exactly one is written', async () => {
    const commandId = commandIdFor(actor.id, 'K4');
    const outcomes = await Promise.allSettled([
      register(runner, 'org-a', metadata(commandId, 'POST /organizations A')),
      register(runner, 'org-b', metadata(commandId, 'POST /organizations B')),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(IdempotencyKeyReusedError);
    const written = [
      ...(await store.readStream('organization-org-a')),
      ...(await store.readStream('organization-org-b')),
    ];
    expect(written).toHaveLength(1);
  });

  it('keeps no record for a command without a key', async () => {
    const commandId = randomUUID();
    await register(runner, 'org-a', metadata(commandId, 'POST /organizations A'));
    expect(await store.readStream(idempotencyStreamId(commandId))).toEqual([]);
    expect((await store.readAll()).map((e) => e.type)).toEqual(['OrganizationRegistered']);
  });

  it('after an unknown outcome, a retry with the same key answers what was written', async () => {
    const faulty = failingAfterWrite(store);
    const meta = metadata(commandIdFor(actor.id, 'K5'), 'POST /organizations A');
    await expect(
      register(new DecisionRunner(faulty, HASH_KEY), 'org-a', meta),
    ).rejects.toBeInstanceOf(OutcomeUnknownError);
    const retried = await register(runner, 'org-a', meta);
    const stored = await store.readStream('organization-org-a');
    expect(retried).toMatchObject({ id: 'org-a', revision: 0, eventIds: [stored[0].eventId] });
    expect(stored).toHaveLength(1);
  });
});

describe('DecisionRunner: one decision across several streams', () => {
  let store: SqliteEventStore;
  let runner: DecisionRunner;
  const count = (id: string, year: number, meta: CommandMetadata) =>
    domainCommand<RecordMemberCount>(
      'RecordMemberCount',
      { organizationId: id, year, count: 10 },
      meta,
    );
  /** Records a member count on both organizations, in one decision answered for `org-a`. */
  const both = (meta: CommandMetadata, year: number, seen: number[] = []) =>
    runner.runAcross({
      id: 'org-a',
      streamId: 'organization-org-a',
      metadata: meta,
      decide: async (session) => {
        seen.push(year);
        for (const id of ['org-a', 'org-b']) {
          await session.decide(organizationStreamId(id), organizationDecider, () =>
            count(id, year, meta),
          );
        }
      },
    });

  beforeEach(async () => {
    store = new SqliteEventStore(':memory:');
    runner = new DecisionRunner(store, HASH_KEY);
    await register(runner, 'org-a', metadata(randomUUID(), 'a'));
    await register(runner, 'org-b', metadata(randomUUID(), 'b'));
  });
  afterEach(() => store.close());

  it('appends to every stream it decided on, and answers the primary one', async () => {
    const result = await both(metadata(randomUUID(), 'x'), 2025);
    const [a, b] = await Promise.all([
      store.readStream('organization-org-a'),
      store.readStream('organization-org-b'),
    ]);
    expect([a.length, b.length]).toEqual([2, 2]);
    expect(result).toMatchObject({ streamId: 'organization-org-a', revision: 1 });
    expect(result.position).toBe(a[1].position);
    expect(b[1].position < a[1].position).toBe(true);
  });

  it('If-Match concerns the primary stream: stale, 412 and nothing written anywhere', async () => {
    const meta = { ...metadata(randomUUID(), 'x'), ifMatch: 5 };
    await expect(both(meta, 2025)).rejects.toBeInstanceOf(PreconditionFailedError);
    expect((await store.readAll()).length).toBe(2);
    const fresh = { ...metadata(randomUUID(), 'y'), ifMatch: 0 };
    await expect(both(fresh, 2025)).resolves.toMatchObject({ revision: 1 });
  });

  it('names the stream that kept changing when the retries run out', async () => {
    const contended = new WrongExpectedRevisionError('organization-org-b', 0, 1);
    const busy = Object.assign(Object.create(store) as SqliteEventStore, {
      appendMany: async () => {
        throw contended;
      },
    });
    const meta = metadata(randomUUID(), 'x');
    const refused = new DecisionRunner(busy, HASH_KEY).runAcross({
      id: 'org-a',
      streamId: 'organization-org-a',
      metadata: meta,
      decide: async (session) => {
        for (const id of ['org-a', 'org-b'])
          await session.decide(organizationStreamId(id), organizationDecider, () =>
            count(id, 2024, meta),
          );
      },
    });
    await expect(refused).rejects.toBeInstanceOf(ConcurrencyConflictError);
    await expect(refused).rejects.toMatchObject({ streamId: 'organization-org-b' });
  });

  it('a conflict on a secondary stream decides the whole command again', async () => {
    const seen: number[] = [];
    const meta = metadata(randomUUID(), 'x');
    // Another command lands on org-b between this decision's read and its append.
    const racing = runner.runAcross({
      id: 'org-a',
      streamId: 'organization-org-a',
      metadata: meta,
      decide: async (session) => {
        seen.push(seen.length);
        await session.decide('organization-org-a', organizationDecider, () =>
          count('org-a', 2024, meta),
        );
        await session.state('organization-org-b', organizationDecider);
        if (seen.length === 1) {
          const other = metadata(randomUUID(), 'other');
          await runner.run({
            id: 'org-b',
            streamId: 'organization-org-b',
            decider: organizationDecider,
            metadata: other,
            command: () => count('org-b', 2023, other),
          });
        }
        await session.decide('organization-org-b', organizationDecider, () =>
          count('org-b', 2024, meta),
        );
      },
    });
    await expect(racing).resolves.toMatchObject({ revision: 1 });
    expect(seen).toEqual([0, 1]);
    expect((await store.readStream('organization-org-b')).map((e) => e.data.year)).toEqual([
      undefined,
      2023,
      2024,
    ]);
    expect(await store.readStream('organization-org-a')).toHaveLength(2);
  });
});
