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
});
