import { eventLog } from '../shared/event-log.fixture';
import { documentsOf, projectInMemory } from '../shared/in-memory-projection';
import { branchRated } from '../shared/rating-events.fixture';
import { ORGANIZATIONS, organizationsProjection } from './organizations.projection';

function ratedVillage() {
  const log = eventLog();
  log.add('organization-v-01', 'OrganizationRegistered', {
    organizationId: 'v-01',
    name: '石桥村党支部',
    level: 'branch',
    sector: 'village',
    township: 'T01',
  });
  log.add('rating-v-01', 'BranchRated', branchRated('v-01', '2024', 4));
  log.add('rating-v-01', 'RatingFinalized', {
    organizationId: 'v-01',
    period: '2024',
    runId: 'r',
    stars: 4,
    on: '2025-01-21',
  });
  return log;
}
const organization = (events: ReturnType<typeof ratedVillage>['events']) =>
  documentsOf(projectInMemory(organizationsProjection, events), ORGANIZATIONS)[0];

describe('the organization’s current stars', () => {
  it('shows the latest period’s rating, provisional until finalized, and keeps it through other changes', () => {
    const log = ratedVillage();
    expect(organization(log.events).rating).toEqual({
      period: '2024',
      stars: 4,
      change: 'new',
      status: 'final',
    });
    log.add(
      'rating-v-01',
      'BranchRated',
      branchRated('v-01', '2025', 3, { previousStars: 4, change: 'downgraded' }),
    );
    log.add('organization-v-01', 'MemberCountRecorded', {
      organizationId: 'v-01',
      year: 2025,
      count: 30,
    });
    expect(organization(log.events).rating).toEqual({
      period: '2025',
      stars: 3,
      change: 'downgraded',
      status: 'provisional',
    });
  });

  it('drops the stars of a revoked period; revoking an older period leaves the current one', () => {
    const log = ratedVillage();
    log.add('rating-v-01', 'BranchRated', branchRated('v-01', '2025', 5, { change: 'upgraded' }));
    log.add('rating-v-01', 'RatingRevoked', {
      organizationId: 'v-01',
      period: '2024',
      runId: 'r',
      previousStars: 4,
      reason: '违纪',
    });
    expect(organization(log.events).rating).toMatchObject({ period: '2025', stars: 5 });
    log.add('rating-v-01', 'RatingRevoked', {
      organizationId: 'v-01',
      period: '2025',
      runId: 'r2',
      previousStars: 5,
      reason: '违纪',
    });
    expect(organization(log.events).rating).toEqual({
      period: '2025',
      stars: null,
      change: 'revoked',
      status: 'revoked',
    });
  });

  it('ignores ratings of organizations it does not know', () => {
    const log = eventLog();
    log.add('rating-x', 'BranchRated', branchRated('x', '2025', 3));
    expect(
      documentsOf(projectInMemory(organizationsProjection, log.events), ORGANIZATIONS),
    ).toEqual([]);
  });
});
