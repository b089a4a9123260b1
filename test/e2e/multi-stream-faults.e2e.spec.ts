import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addYears } from '@gongjian/domain';
import {
  EventStore,
  OutcomeUnknownError,
  SqliteEventStore,
  StoreUnavailableError,
} from '@gongjian/event-store';
import { Fault, FaultEventStore, withEventOfType } from '@gongjian/testing';
import { shanghaiDate } from '@gongjian/write-side';
import { KurrentDbEventStore } from '../../libs/event-store/src/adapters/kurrentdb/kurrentdb.event-store';
import { startKurrentDbDouble } from '../kurrentdb-double/kurrentdb-double';
import { client, Harness, startApi } from './api-harness';
import { writeInvariantViolations } from './write-invariants';

const today = shanghaiDate(new Date().toISOString());
const YEAR = Number(today.slice(0, 4));
const BUDGET = `${YEAR}-county_finance`;

/** The write lands whole, then the caller hears only that its outcome is unknown. */
const afterTheWrite: Fault = async (write, { engine }) => {
  await write();
  throw new OutcomeUnknownError(engine, 'injected: connection lost after the write');
};

/** The caller's deadline passes first; the write lands a moment later. */
const whileTheWriteLands: Fault = (write, { engine, track }) => {
  const landing = new Promise((resolve) => setTimeout(resolve, 150)).then(write);
  landing.catch(() => undefined);
  track(landing);
  return new Promise((_resolve, reject) =>
    setTimeout(() => reject(new OutcomeUnknownError(engine, 'injected: deadline passed')), 50),
  );
};

const beforeTheWrite: Fault = async (_write, { engine }) => {
  throw new StoreUnavailableError(engine, 'injected: refused before writing');
};

interface Engine {
  name: string;
  open(): Promise<{ store: EventStore; close(): Promise<void> }>;
}

const SQLITE: Engine = {
  name: 'sqlite',
  open: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongjian-faults-'));
    return {
      store: new SqliteEventStore(join(dir, 'events.sqlite')),
      close: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

const KURRENTDB_DOUBLE: Engine = {
  name: 'kurrentdb (protocol double)',
  open: async () => {
    const double = await startKurrentDbDouble();
    const store = new KurrentDbEventStore(double.url, { timeoutMs: 2_000 });
    await store.ping();
    return { store, close: () => double.close() };
  },
};

const ENGINES: Engine[] = [SQLITE, KURRENTDB_DOUBLE];

const organ = {
  id: 'org-pm',
  name: '县委宣传部机关党支部',
  level: 'branch',
  sector: 'organ',
  departmentKind: 'party_mass',
  township: 'T00',
};
const village = (id: string) => ({
  id,
  name: `${id} 村党支部`,
  level: 'branch',
  sector: 'village',
  township: 'T01',
});
const pairing = (rural: string, extra: Record<string, unknown> = {}) => ({
  urbanOrganizationId: 'org-pm',
  ruralOrganizationId: rural,
  contactLeader: { name: '王强', title: '县委常委、宣传部部长' },
  startsOn: today,
  endsOn: addYears(today, 2),
  commitments: { fundsFen: 100_000, projects: 1, activists: 1 },
  principleOverrideReason: '县委统筹安排',
  ...extra,
});
const allocation = (amountFen: number, extra: Record<string, unknown> = {}) => ({
  budgetId: BUDGET,
  recipientOrganizationId: 'v-funds',
  amountFen,
  purpose: 'activity_funds',
  decisionRef: '部务会 纪要',
  ...extra,
});

describe.each(ENGINES)('multi-stream commands under store faults: $name', (engine) => {
  const FAULTS = [
    ['fails after the write', afterTheWrite],
    ['times out while the write lands', whileTheWriteLands],
  ] as const;
  const slug = engine.name.replace(/\W+/g, '-');
  let api: Harness;
  let faulty: FaultEventStore;
  let fault: Fault = afterTheWrite;
  let closeEngine: () => Promise<void>;
  const admin = () => client(api);
  /** A query that waits for whatever is stored: after an unknown outcome no position was answered. */
  const stored = async (path: string) =>
    admin().get(`${path}?minPosition=${encodeURIComponent((await faulty.inner.headPosition())!)}`);

  /** Sends the request with the fault armed for writes carrying `eventType`; settles late writes. */
  const underFault = async (
    eventType: string,
    send: () => ReturnType<ReturnType<typeof client>['post']>,
  ) => {
    faulty.arm({ when: withEventOfType(eventType) });
    const reply = await send();
    await faulty.settled();
    expect(faulty.armed).toBe(0);
    return reply;
  };
  const expectOutcomeUnknown = (reply: { status: number; body: unknown }) => {
    expect(reply.status).toBe(503);
    expect(reply.body).toMatchObject({ code: 'OUTCOME_UNKNOWN' });
    expect(String((reply.body as { detail: string }).detail)).toContain(
      'retry with the same Idempotency-Key',
    );
  };

  beforeAll(async () => {
    const opened = await engine.open();
    closeEngine = opened.close;
    faulty = new FaultEventStore(opened.store, (write, context) => fault(write, context));
    api = await startApi({ store: faulty });
    const setup: [string, unknown][] = [
      ['/organizations', organ],
      ...['v-pair-0', 'v-pair-1', 'v-life-0', 'v-life-1', 'v-refused', 'v-funds'].map(
        (id): [string, unknown] => ['/organizations', village(id)],
      ),
      ['/budgets', { year: YEAR, source: 'county_finance', amountFen: 100_000 }],
    ];
    for (const [path, body] of setup) expect((await admin().post(path, body)).status).toBe(201);
  });
  afterAll(async () => {
    await api?.close();
    await closeEngine?.();
  });
  afterEach(async () => {
    faulty.disarm();
    expect(await writeInvariantViolations(faulty.inner)).toEqual([]);
  });

  it('a store refusing before the write: 503 STORE_UNAVAILABLE, nothing written, a keyless retry succeeds', async () => {
    fault = beforeTheWrite;
    const before = (await faulty.inner.readAll({ limit: 100_000 })).length;
    const refused = await underFault('BranchPaired', () =>
      admin().post('/pairings', pairing('v-refused')),
    );
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect(await faulty.inner.readAll({ limit: 100_000 })).toHaveLength(before);
    expect((await admin().post('/pairings', pairing('v-refused'))).status).toBe(201);
  });

  describe.each(FAULTS)('a store that %s', (name, chosen) => {
    const n = FAULTS.findIndex(([other]) => other === name);
    beforeEach(() => {
      fault = chosen;
    });

    it('pair-branch: 503 OUTCOME_UNKNOWN; the pairing and its link landed together; no phantom', async () => {
      const key = { 'idempotency-key': `pair-${slug}-${n}` };
      const rural = `v-pair-${n}`;
      expectOutcomeUnknown(
        await underFault('BranchPaired', () => admin().post('/pairings', pairing(rural), key)),
      );
      const keyless = await admin().post('/pairings', pairing(rural));
      expect(keyless.status).toBe(422);
      expect(keyless.body).toMatchObject({ code: 'PAIRING_ALREADY_ACTIVE' });
      const existing = (keyless.body.details as { existingPairingId: string }).existingPairingId;
      expect((await stored(`/pairings/${existing}`)).status).toBe(200);
      const retried = await admin().post('/pairings', pairing(rural), key);
      expect(retried.status).toBe(201);
      expect(retried.body.id).toBe(existing);
    });

    it('renew and dissolve: 503 OUTCOME_UNKNOWN; pairing and link agree; the pair is free again', async () => {
      const rural = `v-life-${n}`;
      const created = await admin().post('/pairings', pairing(rural));
      const id = created.body.id as string;
      const endsOn = addYears(today, 3);
      expectOutcomeUnknown(
        await underFault('PairingRenewed', () => admin().post(`/pairings/${id}/renew`, { endsOn })),
      );
      expect((await stored(`/pairings/${id}`)).body).toMatchObject({ endsOn });
      expect(await writeInvariantViolations(faulty.inner)).toEqual([]);

      expectOutcomeUnknown(
        await underFault('PairingDissolved', () =>
          admin().post(`/pairings/${id}/dissolve`, { reason: '调整', on: today }),
        ),
      );
      expect((await stored(`/pairings/${id}`)).body).toMatchObject({ status: 'dissolved' });
      expect((await admin().post('/pairings', pairing(rural))).status).toBe(201);
    });

    it('allocate, reduce, cancel: 503 OUTCOME_UNKNOWN; budget reserved = Σ allocations after each', async () => {
      const key = { 'idempotency-key': `allocate-${slug}-${n}` };
      const id = `a-${n}`;
      expectOutcomeUnknown(
        await underFault('AllocationOpened', () =>
          admin().post('/allocations', allocation(600, { id }), key),
        ),
      );
      expect((await stored(`/allocations/${id}`)).body).toMatchObject({ allocatedFen: 600 });
      const again = await admin().post('/allocations', allocation(600, { id }), key);
      expect(again.status).toBe(201);
      expect(await writeInvariantViolations(faulty.inner)).toEqual([]);

      expectOutcomeUnknown(
        await underFault('AllocationReduced', () =>
          admin().post(`/allocations/${id}/reduce`, { amountFen: 200, reason: '核减' }),
        ),
      );
      expect((await stored(`/allocations/${id}`)).body).toMatchObject({ allocatedFen: 400 });
      expect(await writeInvariantViolations(faulty.inner)).toEqual([]);

      expectOutcomeUnknown(
        await underFault('AllocationCancelled', () =>
          admin().post(`/allocations/${id}/cancel`, { reason: '取消' }),
        ),
      );
      expect((await stored(`/allocations/${id}`)).body).toMatchObject({
        status: 'cancelled',
      });
      // A keyless allocation afterwards sees the pool as it truly is.
      const next = await admin().post('/allocations', allocation(1_000));
      expect(next.status).toBe(201);
    });
  });
});
