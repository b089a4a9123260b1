import { eventLog } from '../shared/event-log.fixture';
import { documentsOf, projectInMemory } from '../shared/in-memory-projection';
import {
  FUNDS_ORGANIZATIONS,
  FUNDS_SUMMARY,
  fundsSummaryProjection,
} from './funds-summary.projection';

const base = { budgetId: '2026-county_finance', year: 2026, source: 'county_finance' };

function fundsLog() {
  const log = eventLog();
  log.add('organization-v-01', 'OrganizationRegistered', {
    organizationId: 'v-01',
    name: '石桥村党支部',
    level: 'branch',
    sector: 'village',
    township: 'T01',
  });
  log.add('organization-v-01', 'MemberCountRecorded', {
    organizationId: 'v-01',
    year: 2026,
    count: 40,
  });
  const a1 = {
    ...base,
    allocationId: 'a-1',
    purpose: 'operating_funds',
    recipientOrganizationId: 'v-01',
  };
  const a2 = {
    ...base,
    allocationId: 'a-2',
    purpose: 'activity_funds',
    recipientOrganizationId: 'v-01',
  };
  log.add('allocation-a-1', 'AllocationOpened', { ...a1, amountFen: 2_000_000, decisionRef: 'd' });
  log.add('allocation-a-2', 'AllocationOpened', { ...a2, amountFen: 300_000, decisionRef: 'd' });
  log.add('allocation-a-1', 'DisbursementRecorded', {
    ...a1,
    disbursementId: 'x',
    amountFen: 1_500_000,
    on: '2026-03-01',
    ref: 'r',
    disbursedFen: 1_500_000,
  });
  log.add('allocation-a-1', 'ExpenditureRecorded', {
    ...a1,
    expenditureId: 'e',
    amountFen: 400_000,
    on: '2026-03-02',
    category: '办公',
    receiptRef: 'r',
    spentFen: 400_000,
  });
  log.add('allocation-a-2', 'AllocationReduced', {
    ...a2,
    amountFen: 100_000,
    reason: '调整',
    allocatedFen: 200_000,
    releaseId: 'rel',
  });
  return log;
}

describe('the funds summary read model', () => {
  it('keeps totals per year × recipient, source and purpose', () => {
    const rows = documentsOf(
      projectInMemory(fundsSummaryProjection, fundsLog().events),
      FUNDS_SUMMARY,
    );
    const byId = Object.fromEntries(rows.map((r) => [r._id, r]));
    expect(Object.keys(byId).sort()).toEqual([
      '2026:purpose:activity_funds',
      '2026:purpose:operating_funds',
      '2026:recipient:v-01',
      '2026:source:county_finance',
    ]);
    expect(byId['2026:recipient:v-01']).toMatchObject({
      year: 2026,
      groupBy: 'recipient',
      key: 'v-01',
      funded: true,
      sector: 'village',
      township: 'T01',
      memberCount: 40,
      allocatedFen: 2_200_000,
      disbursedFen: 1_500_000,
      spentFen: 400_000,
      allocatedByPurposeFen: { operating_funds: 2_000_000, activity_funds: 200_000 },
    });
    expect(byId['2026:source:county_finance']).toMatchObject({
      allocatedFen: 2_200_000,
      disbursedFen: 1_500_000,
      spentFen: 400_000,
    });
    expect(byId['2026:purpose:activity_funds']).toMatchObject({
      allocatedFen: 200_000,
      spentFen: 0,
    });
  });

  it('a cancellation takes back what was still allocated', () => {
    const log = fundsLog();
    log.add('allocation-a-2', 'AllocationCancelled', {
      ...base,
      allocationId: 'a-2',
      purpose: 'activity_funds',
      recipientOrganizationId: 'v-01',
      reason: '撤销',
      releasedFen: 200_000,
      releaseId: 'rel-2',
    });
    const rows = documentsOf(projectInMemory(fundsSummaryProjection, log.events), FUNDS_SUMMARY);
    expect(rows.find((r) => r._id === '2026:purpose:activity_funds')).toMatchObject({
      allocatedFen: 0,
    });
    expect(rows.find((r) => r._id === '2026:recipient:v-01')).toMatchObject({
      allocatedFen: 2_000_000,
      allocatedByPurposeFen: { operating_funds: 2_000_000, activity_funds: 0 },
    });
  });

  it('a member count alone makes an unfunded recipient row', () => {
    const log = eventLog();
    log.add('organization-v-02', 'MemberCountRecorded', {
      organizationId: 'v-02',
      year: 2025,
      count: 9,
    });
    const [row] = documentsOf(projectInMemory(fundsSummaryProjection, log.events), FUNDS_SUMMARY);
    expect(row).toMatchObject({ _id: '2025:recipient:v-02', funded: false, memberCount: 9 });
  });

  it('keeps every organization with its sector, township and registration date, funded or not', () => {
    const log = fundsLog();
    log.add(
      'organization-v-03',
      'OrganizationRegistered',
      {
        organizationId: 'v-03',
        name: '无经费村党支部',
        level: 'branch',
        sector: 'village',
        township: 'T02',
      },
      // Asia/Shanghai: 2026-12-31 23:30, still in 2026.
      { occurredAt: '2026-12-31T15:30:00.000Z' },
    );
    const organizations = documentsOf(
      projectInMemory(fundsSummaryProjection, log.events),
      FUNDS_ORGANIZATIONS,
    );
    expect(organizations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          _id: 'v-01',
          sector: 'village',
          township: 'T01',
          registeredOn: '2026-03-01',
        }),
        expect.objectContaining({
          _id: 'v-03',
          sector: 'village',
          township: 'T02',
          registeredOn: '2026-12-31',
        }),
      ]),
    );
  });

  it('gives the same documents when the same events are applied twice', () => {
    const { events } = fundsLog();
    expect(
      documentsOf(projectInMemory(fundsSummaryProjection, [...events, ...events]), FUNDS_SUMMARY),
    ).toEqual(documentsOf(projectInMemory(fundsSummaryProjection, events), FUNDS_SUMMARY));
  });
});
