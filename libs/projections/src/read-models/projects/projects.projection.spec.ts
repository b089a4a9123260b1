import { eventLog } from '../shared/event-log.fixture';
import { documentsOf, projectInMemory } from '../shared/in-memory-projection';
import { PROJECTS, projectsProjection } from './projects.projection';

const ref = {
  projectId: 'pr-1',
  pairingId: 'p-1',
  urbanOrganizationId: 'org-zzb',
  ruralOrganizationId: 'v-01',
};

function projectLog() {
  const log = eventLog();
  log.add('project-pr-1', 'ProjectLaunched', {
    ...ref,
    urbanTownship: 'T00',
    ruralTownship: 'T01',
    name: '食用菌种植基地',
    category: 'economic_development',
    plannedInvestmentFen: 50_000_000,
    startsOn: '2026-02-01',
  });
  log.add('project-pr-1', 'InvestmentRecorded', {
    ...ref,
    amountFen: 30_000_000,
    on: '2026-03-01',
    source: 'county_finance',
    investedFen: 30_000_000,
  });
  log.add('project-pr-1', 'InvestmentRecorded', {
    ...ref,
    amountFen: 12_000_000,
    on: '2026-02-20',
    source: 'township_subsidy',
    investedFen: 42_000_000,
  });
  return log;
}

describe('the projects read model', () => {
  it('keeps the Project read shape with the invested total and the latest investment date', () => {
    const [doc] = documentsOf(projectInMemory(projectsProjection, projectLog().events), PROJECTS);
    expect(doc).toMatchObject({
      _id: 'pr-1',
      revision: 2,
      pairingId: 'p-1',
      townships: ['T01', 'T00'],
      name: '食用菌种植基地',
      category: 'economic_development',
      plannedInvestmentFen: 50_000_000,
      investedFen: 42_000_000,
      status: 'in_progress',
      startsOn: '2026-02-01',
      lastInvestmentOn: '2026-03-01',
    });
    expect(doc).not.toHaveProperty('completedOn');
  });

  it('completes', () => {
    const log = projectLog();
    log.add('project-pr-1', 'ProjectCompleted', {
      ...ref,
      on: '2026-06-30',
      plannedInvestmentFen: 50_000_000,
      investedFen: 42_000_000,
    });
    const [doc] = documentsOf(projectInMemory(projectsProjection, log.events), PROJECTS);
    expect(doc).toMatchObject({ status: 'completed', completedOn: '2026-06-30', revision: 3 });
  });

  it('gives the same documents when the same events are applied twice', () => {
    const { events } = projectLog();
    expect(
      documentsOf(projectInMemory(projectsProjection, [...events, ...events]), PROJECTS),
    ).toEqual(documentsOf(projectInMemory(projectsProjection, events), PROJECTS));
  });

  it('issue 13: keeps secured and arrived funding by source and outputs summed by kind and unit', () => {
    const log = projectLog();
    const funding = (
      fundingId: string,
      source: string,
      stage: string,
      amountFen: number,
      totals: [number, number],
    ) =>
      log.add('project-pr-1', 'ProjectFundingRecorded', {
        ...ref,
        fundingId,
        source,
        stage,
        amountFen,
        on: '2026-03-01',
        sourceSecuredFen: totals[0],
        sourceArrivedFen: totals[1],
      });
    funding('f1', 'enterprise', 'secured', 20_000_000, [20_000_000, 0]);
    funding('f2', 'enterprise', 'arrived', 5_000_000, [20_000_000, 5_000_000]);
    funding('f3', 'higher_level', 'secured', 10_000_000, [10_000_000, 0]);
    for (const [outputId, kind, quantity, unit] of [
      ['o1', 'road', 800, 'metre'],
      ['o2', 'road', 400, 'metre'],
      ['o3', 'street_light', 30, 'item'],
    ] as const) {
      log.add('project-pr-1', 'ProjectOutputRecorded', {
        ...ref,
        outputId,
        kind,
        quantity,
        unit,
        on: '2026-04-01',
      });
    }
    const [doc] = documentsOf(projectInMemory(projectsProjection, log.events), PROJECTS);
    expect(doc).toMatchObject({
      securedFen: 30_000_000,
      arrivedFen: 5_000_000,
      fundingBySource: {
        enterprise: { securedFen: 20_000_000, arrivedFen: 5_000_000 },
        higher_level: { securedFen: 10_000_000, arrivedFen: 0 },
      },
      outputs: [
        { kind: 'road', unit: 'metre', quantity: 1_200 },
        { kind: 'street_light', unit: 'item', quantity: 30 },
      ],
      investedFen: 42_000_000,
    });
  });
});
