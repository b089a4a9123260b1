import { eventLog } from '../shared/event-log.fixture';
import { documentsOf, projectInMemory } from '../shared/in-memory-projection';
import { BUDGETS, budgetsProjection } from './budgets.projection';

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
    const [doc] = documentsOf(projectInMemory(budgetsProjection, budgetLog().events), BUDGETS);
    expect(doc).toMatchObject({
      _id: '2026-county_finance',
      revision: 3,
      year: 2026,
      source: 'county_finance',
      poolFen: 15_000_000,
      reservedFen: 3_000_000,
      availableFen: 12_000_000,
      allocations: [
        {
          allocationId: 'a-1',
          recipientOrganizationId: 'v-01',
          purpose: 'operating_funds',
          reservedFen: 3_000_000,
        },
      ],
    });
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
    expect(
      documentsOf(projectInMemory(budgetsProjection, [...events, ...events]), BUDGETS),
    ).toEqual(documentsOf(projectInMemory(budgetsProjection, events), BUDGETS));
  });
});
