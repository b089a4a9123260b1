import { recorded, reportFor } from '../report-projection.spec-helper';
import { memberDevelopmentReport } from './member-development.report';
import { memberDevelopmentReportProjection } from './member-development-report.projection';

const register = (id: string, township = 'T01') =>
  recorded('OrganizationRegistered', {
    organizationId: id,
    name: id,
    level: 'branch',
    sector: 'village',
    township,
  });
const applied = (memberId: string, org: string, appliedOn: string, migrantWorker = false) =>
  recorded('MembershipApplied', {
    memberId,
    organizationId: org,
    appliedOn,
    person: {
      name: '张某',
      gender: 'male',
      birthDate: '1990-01-01',
      education: 'college',
      migrantWorker,
    },
    dualCultivation: false,
    interviewDueOn: appliedOn,
  });
const step = (type: string, memberId: string, org: string, on: string) =>
  recorded(type, { memberId, organizationId: org, on });

const table = (events: ReturnType<typeof recorded>[], year: number, township?: string) =>
  reportFor(memberDevelopmentReport, memberDevelopmentReportProjection, events, { year, township });

describe('member-development report read model', () => {
  const events = [
    register('v1'),
    register('v2'),
    register('v9', 'T02'),
    recorded('MemberCountRecorded', { organizationId: 'v1', year: 2025, count: 40 }),
    recorded('MemberCountRecorded', { organizationId: 'v2', year: 2025, count: 25 }),
    applied('m1', 'v1', '2023-03-01', true),
    step('ActivistDesignated', 'm1', 'v1', '2023-06-01'),
    step('DevelopmentTargetDesignated', 'm1', 'v1', '2024-07-01'),
    step('AdmissionApproved', 'm1', 'v1', '2025-03-01'),
    applied('m2', 'v1', '2025-02-01'),
    step('ActivistDesignated', 'm2', 'v1', '2025-05-01'),
    applied('m3', 'v2', '2025-04-01', true),
    applied('m4', 'v2', '2024-04-01'),
    step('MembershipWithdrawn', 'm4', 'v2', '2025-01-10'),
    applied('m5', 'v9', '2025-01-01'),
  ];

  it('counts stages at the end of the year, steps dated in it, and the recorded member counts', () => {
    const { rows, totals } = table(events, 2025);
    expect(rows[0]).toEqual(
      expect.objectContaining({
        township: 'T01',
        applicants: 1,
        activists: 1,
        developmentTargets: 0,
        probationary: 1,
        appliedInYear: 2,
        admittedInYear: 1,
        fullMembers: 65,
        migrantSharePct: 66.7,
      }),
    );
    expect(totals).toEqual(
      expect.objectContaining({ applicants: 2, appliedInYear: 3, fullMembers: 65 }),
    );
  });

  it('gives the parts of the migrant share as columns: those in the pipeline and the migrant workers among them', () => {
    const { columns, rows, totals } = table(events, 2025);
    const keys = columns.map((c) => c.key);
    // After the columns of earlier versions, which keep their places.
    expect(keys.slice(-3)).toEqual(['migrantSharePct', 'pipeline', 'migrants']);
    expect(columns.slice(-3).map((c) => c.label)).toEqual([
      '外出务工人员占比(%)',
      '入党申请人至预备党员合计',
      '其中外出务工人员',
    ]);
    expect(rows[0]).toEqual(
      expect.objectContaining({ township: 'T01', pipeline: 3, migrants: 2, migrantSharePct: 66.7 }),
    );
    expect(totals).toEqual(
      expect.objectContaining({ pipeline: 4, migrants: 2, migrantSharePct: 50 }),
    );
  });

  it('reads an earlier year as it stood then', () => {
    expect(table(events, 2024).rows[0]).toEqual(
      expect.objectContaining({
        applicants: 1,
        developmentTargets: 1,
        admittedInYear: 0,
        fullMembers: 0,
      }),
    );
  });

  it('moves a transferred member to the new organization from the transfer date, counting each step once', () => {
    const transferred = [
      ...events,
      recorded('MemberTransferred', {
        memberId: 'm2',
        organizationId: 'v9',
        on: '2025-09-01',
        fromOrganizationId: 'v1',
        toOrganizationId: 'v9',
      }),
    ];
    const byTownship = (t: string) => table(transferred, 2025).rows.find((r) => r.township === t);
    expect(byTownship('T01')).toEqual(expect.objectContaining({ activists: 0, appliedInYear: 2 }));
    expect(byTownship('T02')).toEqual(
      expect.objectContaining({ activists: 1, applicants: 1, appliedInYear: 1 }),
    );
    expect(table(transferred, 2025).totals.appliedInYear).toBe(3);
  });

  it('filters by township', () => {
    expect(table(events, 2025, 'T02').totals).toEqual(
      expect.objectContaining({ applicants: 1, fullMembers: 0 }),
    );
  });
});
