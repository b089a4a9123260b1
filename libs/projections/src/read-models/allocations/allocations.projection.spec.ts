import { eventLog } from '../shared/event-log.fixture';
import { documentsOf, projectInMemory } from '../shared/in-memory-projection';
import { ALLOCATIONS, allocationsProjection } from './allocations.projection';

const ref = {
  allocationId: 'a-1',
  budgetId: '2026-county_finance',
  year: 2026,
  source: 'county_finance',
  purpose: 'operating_funds',
  recipientOrganizationId: 'v-01',
};

function allocationLog() {
  const log = eventLog();
  log.add('organization-v-01', 'OrganizationRegistered', {
    organizationId: 'v-01',
    name: '石桥村党支部',
    level: 'branch',
    sector: 'village',
    township: 'T01',
  });
  log.add('allocation-a-1', 'AllocationOpened', {
    ...ref,
    amountFen: 5_000_000,
    decisionRef: '县委常委会纪要〔2026〕3号',
  });
  log.add('allocation-a-1', 'DisbursementRecorded', {
    ...ref,
    disbursementId: 'd-1',
    amountFen: 2_000_000,
    on: '2026-03-01',
    ref: 'x',
    disbursedFen: 2_000_000,
  });
  log.add('allocation-a-1', 'ExpenditureRecorded', {
    ...ref,
    expenditureId: 'e-1',
    amountFen: 500_000,
    on: '2026-03-05',
    category: '办公',
    receiptRef: 'r-1',
    spentFen: 500_000,
  });
  log.add('allocation-a-1', 'AllocationReduced', {
    ...ref,
    amountFen: 1_000_000,
    reason: '调整',
    allocatedFen: 4_000_000,
    releaseId: 'rel-1',
  });
  return log;
}

describe('the allocations read model', () => {
  it('keeps allocated, disbursed and spent, and the recipient’s township', () => {
    const [doc] = documentsOf(
      projectInMemory(allocationsProjection, allocationLog().events),
      ALLOCATIONS,
    );
    expect(doc).toMatchObject({
      _id: 'a-1',
      revision: 3,
      budgetId: '2026-county_finance',
      year: 2026,
      source: 'county_finance',
      recipientOrganizationId: 'v-01',
      recipientTownship: 'T01',
      purpose: 'operating_funds',
      decisionRef: '县委常委会纪要〔2026〕3号',
      allocatedFen: 4_000_000,
      disbursedFen: 2_000_000,
      spentFen: 500_000,
      undisbursedFen: 2_000_000,
      status: 'active',
    });
  });

  it('a cancelled allocation holds nothing', () => {
    const log = eventLog();
    log.add('allocation-a-1', 'AllocationOpened', { ...ref, amountFen: 700, decisionRef: 'd' });
    log.add('allocation-a-1', 'AllocationCancelled', {
      ...ref,
      reason: '撤销',
      releasedFen: 700,
      releaseId: 'rel',
    });
    const [doc] = documentsOf(projectInMemory(allocationsProjection, log.events), ALLOCATIONS);
    expect(doc).toMatchObject({ allocatedFen: 0, undisbursedFen: 0, status: 'cancelled' });
    expect(doc).not.toHaveProperty('recipientTownship');
  });

  it('gives the same documents when the same events are applied twice', () => {
    const { events } = allocationLog();
    expect(
      documentsOf(projectInMemory(allocationsProjection, [...events, ...events]), ALLOCATIONS),
    ).toEqual(documentsOf(projectInMemory(allocationsProjection, events), ALLOCATIONS));
  });
});
