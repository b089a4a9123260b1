import { eventLog } from '../shared/event-log.fixture';
import { documentsOf, projectInMemory } from '../shared/in-memory-projection';
import { MEMBER_STATISTICS, memberStatisticsProjection } from './member-statistics.projection';

function statisticsLog() {
  const log = eventLog();
  for (const [id, township] of [
    ['v-01', 'T01'],
    ['v-02', 'T02'],
  ]) {
    log.add(`organization-${id}`, 'OrganizationRegistered', {
      organizationId: id,
      name: id,
      level: 'branch',
      sector: 'village',
      township,
    });
  }
  const member = (id: string, organizationId: string) => ({ memberId: id, organizationId });
  log.add('member-m-1', 'MembershipApplied', { ...member('m-1', 'v-01'), appliedOn: '2024-05-01' });
  log.add('member-m-2', 'MembershipApplied', { ...member('m-2', 'v-01'), appliedOn: '2025-02-01' });
  log.add('member-m-1', 'ActivistDesignated', { ...member('m-1', 'v-01'), on: '2024-07-01' });
  log.add('member-m-1', 'ActivistReviewed', { ...member('m-1', 'v-01'), on: '2025-01-01' });
  log.add('member-m-1', 'DevelopmentTargetDesignated', {
    ...member('m-1', 'v-01'),
    on: '2025-08-01',
  });
  log.add('member-m-1', 'AdmissionApproved', { ...member('m-1', 'v-01'), on: '2025-11-01' });
  log.add('member-m-2', 'MemberTransferred', {
    ...member('m-2', 'v-02'),
    on: '2025-03-01',
    fromOrganizationId: 'v-01',
    toOrganizationId: 'v-02',
  });
  return log;
}

const rowsOf = (events: ReturnType<typeof statisticsLog>['events']) =>
  Object.fromEntries(
    documentsOf(projectInMemory(memberStatisticsProjection, events), MEMBER_STATISTICS).map((r) => [
      r._id,
      r,
    ]),
  );

describe('the member statistics read model', () => {
  it('keeps the net change of each stage per organization × year, and those admitted', () => {
    const rows = rowsOf(statisticsLog().events);
    expect(Object.keys(rows).sort()).toEqual(['v-01:2024', 'v-01:2025', 'v-02:2025']);
    expect(rows['v-01:2024']).toMatchObject({
      organizationId: 'v-01',
      township: 'T01',
      year: 2024,
      applicants: 0,
      activists: 1,
      developmentTargets: 0,
      admitted: 0,
    });
    // m-2 applied and left for v-02 the same year; m-1 moved from activist to probationary.
    expect(rows['v-01:2025']).toMatchObject({
      applicants: 0,
      activists: -1,
      developmentTargets: 0,
      probationary: 1,
      fullMembers: 0,
      admitted: 1,
    });
    expect(rows['v-02:2025']).toMatchObject({ township: 'T02', applicants: 1, admitted: 0 });
  });

  it('gives the same documents when the same events are applied twice', () => {
    const { events } = statisticsLog();
    expect(rowsOf([...events, ...events])).toEqual(rowsOf(events));
  });
});
