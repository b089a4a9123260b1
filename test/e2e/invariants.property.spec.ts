/**
 * Invariants that only the write side's concurrency control can keep, checked over random
 * command sequences sent through the real HTTP app on the embedded SQLite store. Each sequence
 * is a list of batches; the commands of a batch are sent in parallel, the batches one after the
 * other. A client that receives 409 (conflict after the server's own retries) retries the same
 * request with the same Idempotency-Key, as a real client should.
 */
import fc from 'fast-check';
import { client, Harness, KEYS, Reply, startApi } from './api-harness';
import { shanghaiDate } from '@gongjian/write-side';

const TODAY = shanghaiDate(new Date().toISOString());
const YEAR = Number(TODAY.slice(0, 4));
const RUNS = { numRuns: 15 };

type Answer = Record<string, unknown> & { code?: string };
type Budget = {
  poolFen: number;
  reservedFen: number;
  allocations: { allocationId: string; reservedFen: number }[];
};
type Allocation = { allocatedFen: number; disbursedFen: number; spentFen: number; status: string };

let unique = 0;
/** Ids and Idempotency-Keys never repeat, not even across shrinking runs. */
const next = (prefix: string) => `${prefix}-${++unique}`;

/** Counts the answers of a property, to check that its runs met the refusals. */
class Outcomes {
  private readonly counts = new Map<string, number>();
  add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  of(key: string): number {
    return this.counts.get(key) ?? 0;
  }
  /** The keys never seen, with everything that was (shown when the expectation fails). */
  all(keys: string[]): { missing: string[]; seen?: Record<string, number> } {
    const missing = keys.filter((k) => this.of(k) === 0);
    return missing.length ? { missing, seen: Object.fromEntries(this.counts) } : { missing };
  }
}

describe('write-side invariants under parallel commands (property)', () => {
  let api: Harness;
  let admin: ReturnType<typeof client>;
  let operator: ReturnType<typeof client>;

  /** POST with a fresh Idempotency-Key, retried with that key while the answer is 409. */
  async function send(path: string, body: unknown): Promise<Reply<Answer>> {
    const headers = { 'idempotency-key': next('inv-key') };
    for (let attempt = 1; ; attempt++) {
      const reply = await operator.post<Answer>(path, body, headers);
      if (reply.status !== 409 || attempt === 5) return reply;
    }
  }
  const outcome = (reply: Reply<Answer>) => `${reply.status} ${reply.body?.code ?? ''}`.trim();

  beforeAll(async () => {
    api = await startApi();
    admin = client(api, KEYS.admin);
    operator = client(api, KEYS.operatorT01);
    for (const body of [
      { id: 'inv-v1', name: '不变量村党支部', level: 'branch', sector: 'village', township: 'T01' },
      {
        id: 'inv-organ',
        name: '不变量机关党支部',
        level: 'branch',
        sector: 'organ',
        departmentKind: 'party_mass',
        township: 'T01',
      },
    ]) {
      expect((await admin.post('/organizations', body)).status).toBe(201);
    }
  });
  afterAll(async () => {
    await api.close();
  });

  describe('(a) Σ allocated ≤ pool, and the budget reserves exactly what the allocations hold', () => {
    type Step =
      | { kind: 'allocate'; amountFen: number }
      | { kind: 'reduce'; target: number; amountFen: number }
      | { kind: 'cancel'; target: number };
    const step: fc.Arbitrary<Step> = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record({
          kind: fc.constant('allocate' as const),
          amountFen: fc.integer({ min: 1, max: 6_000 }),
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant('reduce' as const),
          target: fc.nat(),
          amountFen: fc.integer({ min: 1, max: 3_000 }),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({ kind: fc.constant('cancel' as const), target: fc.nat() }),
      },
    );
    const scenario = fc.record({
      poolFen: fc.integer({ min: 1_000, max: 20_000 }),
      batches: fc.array(fc.array(step, { minLength: 1, maxLength: 8 }), {
        minLength: 1,
        maxLength: 3,
      }),
    });

    it('holds for random parallel allocations, reductions and cancellations', async () => {
      const seen = new Outcomes();
      await fc.assert(
        fc.asyncProperty(scenario, async ({ poolFen, batches }) => {
          const issuer = next('inv-issuer');
          expect(
            (
              await admin.post('/organizations', {
                id: issuer,
                name: `${issuer} 机关党支部`,
                level: 'branch',
                sector: 'organ',
                departmentKind: 'economic',
                township: 'T01',
              })
            ).status,
          ).toBe(201);
          const opened = await admin.post('/budgets', {
            year: YEAR,
            source: 'county_finance',
            amountFen: poolFen,
            issuerOrganizationId: issuer,
          });
          expect(opened.status).toBe(201);
          const budgetId = opened.body.id as string;
          /** allocation id → what it holds after the answered commands */
          const held = new Map<string, number>();
          const cancelled = new Set<string>();

          for (const batch of batches) {
            const ids = [...held.keys()];
            const replies = await Promise.all(
              batch.map(async (s) => {
                if (s.kind === 'allocate') {
                  const reply = await send('/allocations', {
                    budgetId,
                    recipientOrganizationId: 'inv-v1',
                    amountFen: s.amountFen,
                    purpose: 'activity_funds',
                    decisionRef: '部务会',
                  });
                  return { s, reply };
                }
                if (ids.length === 0) return undefined;
                const id = ids[s.target % ids.length];
                const reply =
                  s.kind === 'reduce'
                    ? await send(`/allocations/${id}/reduce`, {
                        amountFen: s.amountFen,
                        reason: '核减',
                      })
                    : await send(`/allocations/${id}/cancel`, { reason: '取消' });
                return { s, reply, id };
              }),
            );
            for (const answered of replies) {
              if (!answered) continue;
              const { s, reply } = answered;
              seen.add(`${s.kind} ${outcome(reply)}`);
              if (s.kind === 'allocate') {
                expect([201, 422]).toContain(reply.status);
                if (reply.status === 201) held.set(reply.body.id as string, s.amountFen);
                else expect(reply.body.code).toBe('BUDGET_EXCEEDED');
              } else if (reply.status === 200) {
                // Answers are read in request order: a reduction answered 200 next to a
                // cancellation of the same allocation happened before it.
                const id = answered.id as string;
                if (s.kind === 'cancel') {
                  held.set(id, 0);
                  cancelled.add(id);
                } else if (!cancelled.has(id)) {
                  held.set(id, (held.get(id) as number) - s.amountFen);
                }
              } else {
                expect(reply.status).toBe(422);
                expect(['ALLOCATION_CANCELLED', 'REDUCTION_BELOW_DISBURSED']).toContain(
                  reply.body.code,
                );
              }
            }

            const budget = (await admin.get<Budget>(`/budgets/${budgetId}`)).body;
            const total = [...held.values()].reduce((a, b) => a + b, 0);
            expect(total).toBeLessThanOrEqual(poolFen);
            expect(budget.poolFen).toBe(poolFen);
            expect(budget.reservedFen).toBe(total);
            expect(new Set(budget.allocations.map((a) => a.allocationId))).toEqual(
              new Set(held.keys()),
            );
            for (const a of budget.allocations) {
              expect(a.reservedFen).toBe(held.get(a.allocationId));
              const allocation = await admin.get<Allocation>(`/allocations/${a.allocationId}`);
              expect(allocation.body.allocatedFen).toBe(a.reservedFen);
            }
          }
        }),
        {
          ...RUNS,
          // Every outcome below at least once, whatever the random runs draw.
          examples: [
            [
              {
                poolFen: 10_000,
                batches: [
                  [
                    { kind: 'allocate', amountFen: 3_000 },
                    { kind: 'allocate', amountFen: 4_000 },
                  ],
                  [
                    { kind: 'reduce', target: 0, amountFen: 1_000 },
                    { kind: 'cancel', target: 1 },
                  ],
                  [{ kind: 'allocate', amountFen: 9_000 }],
                ],
              },
            ],
          ],
        },
      );
      // Not vacuous: the pool ran out, and money went back to it.
      expect(
        seen.all(['allocate 201', 'allocate 422 BUDGET_EXCEEDED', 'reduce 200', 'cancel 200']),
      ).toEqual({ missing: [] });
    }, 120_000);
  });

  describe('(b) disbursed ≤ allocated and spent ≤ disbursed on one allocation', () => {
    const budgetId = `${YEAR}-department_project`;
    beforeAll(async () => {
      const opened = await admin.post('/budgets', {
        year: YEAR,
        source: 'department_project',
        amountFen: 1_000_000_000_00,
      });
      expect(opened.status).toBe(201);
    });

    type Step = { kind: 'disburse' | 'spend' | 'reduce'; amountFen: number };
    const scenario = fc.integer({ min: 1, max: 5_000 }).chain((allocatedFen) =>
      fc.record({
        allocatedFen: fc.constant(allocatedFen),
        batches: fc.array(
          fc.array(
            fc.record({
              kind: fc.constantFrom<Step['kind']>(
                'disburse',
                'disburse',
                'spend',
                'spend',
                'reduce',
              ),
              amountFen: fc.integer({ min: 1, max: allocatedFen }),
            }),
            { minLength: 1, maxLength: 8 },
          ),
          { minLength: 1, maxLength: 3 },
        ),
      }),
    );

    it('holds for random parallel disbursements, expenditures and reductions', async () => {
      const seen = new Outcomes();
      await fc.assert(
        fc.asyncProperty(scenario, async ({ allocatedFen, batches }) => {
          const opened = await send('/allocations', {
            budgetId,
            recipientOrganizationId: 'inv-v1',
            amountFen: allocatedFen,
            purpose: 'project',
            decisionRef: '部务会',
          });
          expect(opened.status).toBe(201);
          const id = opened.body.id as string;
          const expected = { allocatedFen, disbursedFen: 0, spentFen: 0 };

          for (const batch of batches) {
            const replies = await Promise.all(
              batch.map(async (s) => {
                const path = {
                  disburse: `/allocations/${id}/disbursements`,
                  spend: `/allocations/${id}/expenditures`,
                  reduce: `/allocations/${id}/reduce`,
                }[s.kind];
                const body = {
                  disburse: { amountFen: s.amountFen, on: TODAY, ref: '拨款单' },
                  spend: { amountFen: s.amountFen, on: TODAY, category: 'c', receiptRef: 'R' },
                  reduce: { amountFen: s.amountFen, reason: '核减' },
                }[s.kind];
                return { s, reply: await send(path, body) };
              }),
            );
            for (const { s, reply } of replies) {
              seen.add(`${s.kind} ${outcome(reply)}`);
              if (reply.status === 201 || reply.status === 200) {
                if (s.kind === 'disburse') expected.disbursedFen += s.amountFen;
                if (s.kind === 'spend') expected.spentFen += s.amountFen;
                if (s.kind === 'reduce') expected.allocatedFen -= s.amountFen;
              } else {
                expect(reply.status).toBe(422);
                expect(reply.body.code).toBe(
                  {
                    disburse: 'DISBURSEMENT_EXCEEDS_ALLOCATION',
                    spend: 'EXPENDITURE_EXCEEDS_DISBURSED',
                    reduce: 'REDUCTION_BELOW_DISBURSED',
                  }[s.kind],
                );
              }
            }

            const allocation = (await admin.get<Allocation>(`/allocations/${id}`)).body;
            expect(allocation).toMatchObject(expected);
            expect(allocation.disbursedFen).toBeLessThanOrEqual(allocation.allocatedFen);
            expect(allocation.spentFen).toBeLessThanOrEqual(allocation.disbursedFen);
          }
          const budget = (await admin.get<Budget>(`/budgets/${budgetId}`)).body;
          expect(budget.allocations.find((a) => a.allocationId === id)?.reservedFen).toBe(
            expected.allocatedFen,
          );
        }),
        RUNS,
      );
      // Not vacuous: each rule refused some commands and let others through.
      expect(
        seen.all([
          'disburse 201',
          'disburse 422 DISBURSEMENT_EXCEEDS_ALLOCATION',
          'spend 201',
          'spend 422 EXPENDITURE_EXCEEDS_DISBURSED',
          'reduce 200',
        ]),
      ).toEqual({ missing: [] });
    });
  });

  describe('(c) one active pairing per (urban, rural) pair', () => {
    it('parallel pairings of the same pair with different Idempotency-Keys: exactly one 201', async () => {
      const seen = new Outcomes();
      const termStart = `${TODAY.slice(0, 7)}-01`;
      const termEnd = `${YEAR + 2}-12-31`;
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.integer({ min: 2, max: 8 }), { minLength: 1, maxLength: 3 }),
          async (rounds) => {
            const rural = next('inv-village');
            expect(
              (
                await admin.post('/organizations', {
                  id: rural,
                  name: `${rural} 村党支部`,
                  level: 'branch',
                  sector: 'village',
                  township: 'T01',
                })
              ).status,
            ).toBe(201);
            expect(
              (
                await admin.post(`/organizations/${rural}/categories`, {
                  categories: ['weak_lax'],
                  reason: '软弱涣散村党组织整顿',
                })
              ).status,
            ).toBe(200);
            const body = {
              urbanOrganizationId: 'inv-organ',
              ruralOrganizationId: rural,
              contactLeader: { name: '王强', title: '部长' },
              startsOn: termStart,
              endsOn: termEnd,
              commitments: { fundsFen: 100_000_00, projects: 1, activists: 2 },
            };
            // Every round after the first meets the pairing of the first one, still active.
            let created = 0;
            for (const parallel of rounds) {
              const replies = await Promise.all(
                Array.from({ length: parallel }, () => send('/pairings', body)),
              );
              for (const reply of replies) seen.add(outcome(reply));
              created += replies.filter((r) => r.status === 201).length;
              for (const refused of replies.filter((r) => r.status !== 201)) {
                expect(refused.status).toBe(422);
                expect(refused.body.code).toBe('PAIRING_ALREADY_ACTIVE');
              }
            }
            expect(created).toBe(1);
            const paired = (await api.store.readAll()).filter(
              (e) => e.type === 'BranchPaired' && e.data.ruralOrganizationId === rural,
            );
            expect(paired).toHaveLength(1);
          },
        ),
        RUNS,
      );
      expect(seen.all(['201', '422 PAIRING_ALREADY_ACTIVE'])).toEqual({ missing: [] });
    });
  });
});
