import { documentsOf, project, recorded, reportFor } from '../report-projection.spec-helper';
import { pairingsReport } from './pairings.report';
import { PAIRINGS_REPORT_COLLECTION, pairingsReportProjection } from './pairings-report.projection';

const paired = (
  pairingId: string,
  urban: string,
  rural: string,
  extra: Partial<Record<string, unknown>> = {},
) =>
  recorded('BranchPaired', {
    pairingId,
    urbanOrganizationId: urban,
    ruralOrganizationId: rural,
    urbanName: urban,
    urbanSector: 'organ',
    urbanDepartmentKind: 'party_mass',
    urbanTownship: 'T00',
    ruralName: rural,
    ruralSector: 'village',
    ruralTownship: 'T01',
    ruralCategories: ['weak_lax'],
    contactLeader: { name: '王强', title: '部长' },
    startsOn: '2024-03-01',
    endsOn: '2026-02-28',
    commitments: { fundsFen: 0, projects: 0, activists: 0 },
    requiredCategory: 'weak_lax',
    principleMatched: true,
    ...extra,
  });

const tableFor = (events: ReturnType<typeof recorded>[], year: number, township?: string) =>
  reportFor(pairingsReport, pairingsReportProjection, events, { year, township });

describe('pairings report read model', () => {
  it('keeps one document per pairing with its cell, term and principle', () => {
    const docs = documentsOf(
      project(pairingsReportProjection, [paired('p1', 'o1', 'v1')]),
      PAIRINGS_REPORT_COLLECTION,
    );
    expect(docs).toEqual([
      expect.objectContaining({
        _id: 'p1',
        township: 'T01',
        urbanSector: 'organ',
        departmentKind: 'party_mass',
        startsOn: '2024-03-01',
        endsOn: '2026-02-28',
        dissolvedOn: null,
        principleMatched: true,
      }),
    ]);
  });

  it('counts pairings, distinct urban organizations and villages, matched and overridden per cell', () => {
    const table = tableFor(
      [
        paired('p1', 'o1', 'v1'),
        paired('p2', 'o1', 'v2'),
        paired('p3', 'o2', 'v1', {
          principleMatched: false,
          principleOverrideReason: '就近结对',
        }),
        paired('p4', 'o3', 'v3', { urbanDepartmentKind: 'economic' }),
      ],
      2025,
    );
    expect(table.rows).toEqual([
      expect.objectContaining({
        township: 'T01',
        departmentKind: 'economic',
        departmentKindLabel: '经济部门',
        pairings: 1,
        urbanOrganizations: 1,
        villages: 1,
      }),
      expect.objectContaining({
        township: 'T01',
        urbanSectorLabel: '机关',
        departmentKind: 'party_mass',
        pairings: 3,
        urbanOrganizations: 2,
        villages: 2,
        principleMatched: 2,
        overridden: 1,
      }),
    ]);
    expect(table.totals).toEqual(
      expect.objectContaining({ pairings: 4, urbanOrganizations: 3, villages: 3, overridden: 1 }),
    );
    expect(table.columns.map((c) => c.label)).toContain('结对数');
  });

  it('counts a pairing in every year of its term, and a dissolution only from the next year on', () => {
    const events = [
      paired('p1', 'o1', 'v1'),
      recorded('PairingDissolved', {
        pairingId: 'p1',
        urbanOrganizationId: 'o1',
        ruralOrganizationId: 'v1',
        reason: '调整',
        on: '2025-05-01',
      }),
    ];
    expect(tableFor(events, 2024).totals.pairings).toBe(1);
    expect(tableFor(events, 2025).totals.pairings).toBe(1);
    expect(tableFor(events, 2026).totals.pairings).toBe(0);
    expect(tableFor(events, 2023).totals.pairings).toBe(0);
  });

  it('extends the counted years when a pairing is renewed', () => {
    const events = [
      paired('p1', 'o1', 'v1'),
      recorded('PairingRenewed', {
        pairingId: 'p1',
        urbanOrganizationId: 'o1',
        ruralOrganizationId: 'v1',
        previousEndsOn: '2026-02-28',
        endsOn: '2028-02-29',
      }),
    ];
    expect(tableFor(events, 2027).totals.pairings).toBe(1);
    expect(tableFor(events.slice(0, 1), 2027).totals.pairings).toBe(0);
  });

  it('changes nothing when a batch is applied again after a crash', () => {
    const events = [paired('p1', 'o1', 'v1'), paired('p2', 'o2', 'v1')];
    const once = project(pairingsReportProjection, events);
    const twice = project(pairingsReportProjection, events, new Map(once));
    expect([...twice.entries()]).toEqual([...once.entries()]);
  });

  it('filters by township, and its find selects only pairings whose term touches the year', () => {
    const table = tableFor(
      [paired('p1', 'o1', 'v1'), paired('p2', 'o2', 'v9', { ruralTownship: 'T02' })],
      2025,
      'T02',
    );
    expect(table.rows).toHaveLength(1);
    expect(table.totals.pairings).toBe(1);
    expect(pairingsReport.filterFor({ year: 2025, township: 'T02' })).toEqual({
      township: 'T02',
      startsOn: { $lte: '2025-12-31' },
      endsOn: { $gte: '2025-01-01' },
    });
  });

  it('ignores the events of other contexts', () => {
    expect(pairingsReportProjection.touches(recorded('OrganizationRegistered', {}))).toEqual([]);
  });
});

describe('a pairing called off before its term began', () => {
  it('counts in no year', () => {
    const events = [
      paired('p1', 'o1', 'v1', { startsOn: '2025-03-01', endsOn: '2027-02-28' }),
      recorded('PairingDissolved', {
        pairingId: 'p1',
        urbanOrganizationId: 'o1',
        ruralOrganizationId: 'v1',
        reason: '计划调整',
        on: '2025-02-01',
      }),
      paired('p2', 'o2', 'v2', { startsOn: '2025-01-01', endsOn: '2027-02-28' }),
    ];
    expect(tableFor(events, 2025).totals).toMatchObject({ pairings: 1 });
    expect(tableFor(events, 2026).totals).toMatchObject({ pairings: 1 });
  });
});
