import { recorded, reportFor } from '../report-projection.spec-helper';
import { projectsReport } from './projects.report';
import { projectsReportProjection } from './projects-report.projection';

const ref = (projectId: string) => ({
  projectId,
  pairingId: 'p1',
  urbanOrganizationId: 'o1',
  ruralOrganizationId: 'v1',
});
const launched = (
  id: string,
  category: string,
  startsOn: string,
  planned: number,
  township = 'T01',
) =>
  recorded('ProjectLaunched', {
    ...ref(id),
    urbanTownship: 'T00',
    ruralTownship: township,
    name: id,
    category,
    plannedInvestmentFen: planned,
    startsOn,
  });
const invested = (id: string, amountFen: number, on: string) =>
  recorded('InvestmentRecorded', {
    ...ref(id),
    amountFen,
    on,
    source: 'partner_unit',
    investedFen: amountFen,
  });

const table = (events: ReturnType<typeof recorded>[], year: number, township?: string) =>
  reportFor(projectsReport, projectsReportProjection, events, { year, township });

describe('projects report read model', () => {
  const events = [
    launched('j1', 'economic_development', '2024-11-01', 1_000_000),
    launched('j2', 'economic_development', '2025-03-01', 2_000_000),
    launched('j3', 'infrastructure', '2025-04-01', 5_000_000, 'T02'),
    invested('j1', 300_000, '2024-12-01'),
    invested('j1', 400_000, '2025-01-15'),
    invested('j2', 500_000, '2025-06-01'),
    recorded('ProjectCompleted', {
      ...ref('j1'),
      on: '2025-07-01',
      plannedInvestmentFen: 1_000_000,
      investedFen: 700_000,
    }),
  ];

  it('counts projects launched in the year with their plan, and investments by their dates', () => {
    const { rows, totals } = table(events, 2025);
    expect(rows[0]).toEqual(
      expect.objectContaining({
        category: 'economic_development',
        categoryLabel: '经济发展类',
        launched: 1,
        plannedFen: 2_000_000,
        investedFen: 900_000,
        completed: 1,
        inProgress: 1,
      }),
    );
    expect(rows[1]).toEqual(
      expect.objectContaining({ category: 'infrastructure', launched: 1, plannedWanYuan: 5 }),
    );
    expect(totals).toEqual(expect.objectContaining({ launched: 2, investedFen: 900_000 }));
  });

  it('keeps the earlier year as it was when later investments arrive', () => {
    const before = table(events.slice(0, 4), 2024);
    expect(table(events, 2024)).toEqual(before);
    expect(before.totals).toEqual(
      expect.objectContaining({ launched: 1, investedFen: 300_000, inProgress: 1 }),
    );
  });

  it('filters by the village township', () => {
    expect(table(events, 2025, 'T02').totals).toEqual(
      expect.objectContaining({ launched: 1, investedFen: 0 }),
    );
  });

  it('issue 13: money secured (争取) and arrived (到位) in the year, by the date recorded', () => {
    const funding = (stage: string, amountFen: number, on: string) =>
      recorded('ProjectFundingRecorded', {
        ...ref('j2'),
        fundingId: `${stage}-${on}`,
        source: 'enterprise',
        stage,
        amountFen,
        on,
        sourceSecuredFen: 0,
        sourceArrivedFen: 0,
      });
    const withFunding = [
      ...events,
      funding('secured', 800_000, '2025-03-10'),
      funding('arrived', 300_000, '2025-05-10'),
      funding('arrived', 200_000, '2026-01-10'),
    ];
    expect(table(withFunding, 2025).totals).toEqual(
      expect.objectContaining({ securedFen: 800_000, arrivedFen: 300_000 }),
    );
    expect(table(withFunding, 2026).totals).toEqual(
      expect.objectContaining({ securedFen: 0, arrivedFen: 200_000 }),
    );
  });
});
