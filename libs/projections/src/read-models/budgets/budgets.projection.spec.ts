import { eventLog } from '../shared/event-log.fixture';
import { documentsOf, projectInMemory } from '../shared/in-memory-projection';
import { BUDGET_RESERVATIONS, BUDGETS, budgetsProjection } from './budgets.projection';

const ref = { budgetId: '2026-county_finance', year: 2026, source: 'county_finance' };

function budgetLog() {
  const log = eventLog();
  log.add('budget-2026-county_finance', 'BudgetOpened', { ...ref, amountFen: 10_000_000 });
  log.add('budget-2026-county_finance', 'BudgetIncreased', {
    ...ref,
    amountFen: 5_000_000,
    reason: '追加',
    poolFen: 15_000_000,
  });
  log.add('budget-2026-county_finance', 'AllocationReserved', {
    ...ref,
    allocationId: 'a-1',
    amountFen: 4_000_000,
    purpose: 'operating_funds',
    recipientOrganizationId: 'v-01',
    reservedFen: 4_000_000,
    poolFen: 15_000_000,
  });
  log.add('budget-2026-county_finance', 'AllocationReleased', {
    ...ref,
    allocationId: 'a-1',
    releaseId: 'rel-1',
    amountFen: 1_000_000,
    reason: '核减',
    recipientOrganizationId: 'v-01',
    reservedFen: 3_000_000,
  });
  return log;
}

describe('the budgets read model', () => {
  it('keeps the pool, what is reserved and what each allocation holds', () => {
    const documents = projectInMemory(budgetsProjection, budgetLog().events);
    const [doc] = documentsOf(documents, BUDGETS);
    expect(doc).toEqual({
      _id: '2026-county_finance',
      _pos: expect.any(String),
      id: '2026-county_finance',
      revision: 3,
      year: 2026,
      source: 'county_finance',
      poolFen: 15_000_000,
      reservedFen: 3_000_000,
      availableFen: 12_000_000,
    });
    expect(documentsOf(documents, BUDGET_RESERVATIONS)).toEqual([
      {
        _id: 'a-1',
        _pos: doc._pos,
        budgetId: '2026-county_finance',
        allocationId: 'a-1',
        recipientOrganizationId: 'v-01',
        purpose: 'operating_funds',
        reservedFen: 3_000_000,
        reservedPosition: expect.any(String),
      },
    ]);
  });

  it('writes the pool and one reservation per event, however many allocations the budget holds', () => {
    const log = budgetLog();
    for (let i = 2; i <= 50; i++) {
      log.add('budget-2026-county_finance', 'AllocationReserved', {
        ...ref,
        allocationId: `a-${i}`,
        amountFen: 1_000,
        purpose: 'activity_funds',
        recipientOrganizationId: `v-${i}`,
        reservedFen: 3_000_000 + (i - 1) * 1_000,
        poolFen: 15_000_000,
      });
    }
    const last = log.events[log.events.length - 1];
    expect(budgetsProjection.touches(last)).toEqual([
      { collection: BUDGETS, id: '2026-county_finance' },
      { collection: BUDGET_RESERVATIONS, id: 'a-50' },
    ]);
    const documents = projectInMemory(budgetsProjection, log.events);
    expect(documentsOf(documents, BUDGETS)[0]).toMatchObject({
      reservedFen: 3_049_000,
      availableFen: 11_951_000,
    });
    expect(documentsOf(documents, BUDGET_RESERVATIONS)).toHaveLength(50);
  });

  it('an orphan reservation released is forgotten, and the pool gets its amount back', () => {
    const log = budgetLog();
    log.add('budget-2026-county_finance', 'OrphanReservationReleased', {
      ...ref,
      allocationId: 'a-1',
      amountFen: 3_000_000,
      reason: '修复',
      recipientOrganizationId: 'v-01',
      reservedFen: 0,
    });
    const documents = projectInMemory(budgetsProjection, log.events);
    expect(documentsOf(documents, BUDGETS)[0]).toMatchObject({
      reservedFen: 0,
      availableFen: 15_000_000,
    });
    expect(documentsOf(documents, BUDGET_RESERVATIONS)).toEqual([]);
  });

  it('a reduction lowers the pool and what is available (issue 13: budgets can be reduced)', () => {
    const log = budgetLog();
    log.add('budget-2026-county_finance', 'BudgetReduced', {
      ...ref,
      amountFen: 2_000_000,
      reason: '调减',
      poolFen: 13_000_000,
      reservedFen: 3_000_000,
    });
    const [doc] = documentsOf(projectInMemory(budgetsProjection, log.events), BUDGETS);
    expect(doc).toMatchObject({ revision: 4, poolFen: 13_000_000, availableFen: 10_000_000 });
  });

  it('gives the same documents when the same events are applied twice', () => {
    const { events } = budgetLog();
    const twice = projectInMemory(budgetsProjection, [...events, ...events]);
    const once = projectInMemory(budgetsProjection, events);
    for (const collection of [BUDGETS, BUDGET_RESERVATIONS]) {
      expect(documentsOf(twice, collection)).toEqual(documentsOf(once, collection));
    }
  });
});
