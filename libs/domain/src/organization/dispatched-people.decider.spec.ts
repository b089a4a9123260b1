import { fold } from '../shared/decider';
import { specFor } from '../shared/decider.spec-helper';
import { OrganizationCommand } from './organization.commands';
import { organizationDecider } from './organization.decider';
import { OrganizationEvent } from './organization.events';
import { contextOn, organRegistered, villageRegistered } from './organization.spec-fixtures';

const given = specFor(organizationDecider);
type Data<T extends OrganizationCommand['type']> = Extract<
  OrganizationCommand,
  { type: T }
>['data'];
const cmd = <T extends OrganizationCommand['type']>(type: T, data: Data<T>, today = '2025-06-15') =>
  ({ type, data, context: contextOn(today) }) as Extract<OrganizationCommand, { type: T }>;

const liMing: OrganizationEvent = {
  type: 'FirstSecretaryAssigned',
  data: { organizationId: 'v1', name: '李明', fromOrganizationId: 'o1', startsOn: '2023-03-01' },
};
const twoNew: OrganizationEvent = {
  type: 'OrganizationRegistered',
  data: {
    organizationId: 'n1',
    name: '某物流公司党支部',
    level: 'branch',
    sector: 'new_economic_social',
    township: 'T01',
  },
};

describe('first secretaries: end and replacement (issue 13 "First secretaries")', () => {
  it('ends the current assignment with its date and reason', () =>
    given([villageRegistered(), liMing])
      .when(
        cmd('EndFirstSecretary', { organizationId: 'v1', on: '2025-02-28', reason: '任期届满' }),
      )
      .then([
        {
          type: 'FirstSecretaryEnded',
          data: {
            organizationId: 'v1',
            name: '李明',
            fromOrganizationId: 'o1',
            startsOn: '2023-03-01',
            endedOn: '2025-02-28',
            reason: '任期届满',
          },
        },
      ]));

  it('after the end the village has no first secretary', () => {
    const state = fold(organizationDecider, [
      villageRegistered(),
      liMing,
      ...organizationDecider.decide(
        cmd('EndFirstSecretary', { organizationId: 'v1', on: '2025-02-28', reason: '任期届满' }),
        fold(organizationDecider, [villageRegistered(), liMing]),
      ),
    ]);
    expect(state.exists && state.firstSecretary).toBeUndefined();
  });

  it('refuses an end without a first secretary, before the start, or in the future', () => {
    const end = (on: string) =>
      cmd('EndFirstSecretary', { organizationId: 'v1', on, reason: '任期届满' });
    given([villageRegistered()]).when(end('2025-02-28')).thenRefuses('NO_FIRST_SECRETARY');
    given([villageRegistered(), liMing]).when(end('2023-02-28')).thenRefuses('END_BEFORE_START');
    given([villageRegistered(), liMing]).when(end('2025-06-16')).thenRefuses('DATE_IN_FUTURE');
  });

  it('a new assignment replaces the current one, which ends on the new start', () =>
    given([villageRegistered(), liMing])
      .when(
        cmd('AssignFirstSecretary', {
          organizationId: 'v1',
          name: '张华',
          fromOrganizationId: 'o2',
          startsOn: '2025-03-01',
          replaces: '李明',
        }),
      )
      .then([
        {
          type: 'FirstSecretaryEnded',
          data: {
            organizationId: 'v1',
            name: '李明',
            fromOrganizationId: 'o1',
            startsOn: '2023-03-01',
            endedOn: '2025-03-01',
            reason: 'replaced',
            replacedBy: '张华',
          },
        },
        {
          type: 'FirstSecretaryAssigned',
          data: {
            organizationId: 'v1',
            name: '张华',
            fromOrganizationId: 'o2',
            startsOn: '2025-03-01',
            replaces: '李明',
          },
        },
      ]));

  it('refuses to replace someone else than the current first secretary, or none', () => {
    const replace = cmd('AssignFirstSecretary', {
      organizationId: 'v1',
      name: '张华',
      startsOn: '2025-03-01',
      replaces: '王五',
    });
    given([villageRegistered(), liMing]).when(replace).thenRefuses('FIRST_SECRETARY_MISMATCH');
    given([villageRegistered()]).when(replace).thenRefuses('FIRST_SECRETARY_MISMATCH');
  });

  it('refuses a successor starting before the current one', () =>
    given([villageRegistered(), liMing])
      .when(
        cmd('AssignFirstSecretary', { organizationId: 'v1', name: '张华', startsOn: '2023-01-01' }),
      )
      .thenRefuses('END_BEFORE_START'));
});

describe('resident work teams (驻村工作队, seed 000)', () => {
  const team = {
    organizationId: 'v1',
    teamId: 'wt-1',
    leaderName: '赵刚',
    memberCount: 3,
    fromOrganizationId: 'o1',
    startsOn: '2025-03-01',
    endsOn: '2027-02-28',
  };
  const assigned: OrganizationEvent = { type: 'ResidentWorkTeamAssigned', data: team };

  it('stations a team in a village', () =>
    given([villageRegistered()]).when(cmd('AssignResidentWorkTeam', team)).then([assigned]));

  it('the same team again is a no-op; other details under its id are a conflict', () => {
    given([villageRegistered(), assigned]).when(cmd('AssignResidentWorkTeam', team)).then([]);
    given([villageRegistered(), assigned])
      .when(cmd('AssignResidentWorkTeam', { ...team, memberCount: 4 }))
      .thenRefuses('ASSIGNMENT_ID_CONFLICT');
  });

  it('refuses a team for an organ and one without members', () => {
    given([organRegistered('o1')])
      .when(
        cmd('AssignResidentWorkTeam', {
          ...team,
          organizationId: 'o1',
          fromOrganizationId: undefined,
        }),
      )
      .thenRefuses('SECTOR_NOT_APPLICABLE');
    given([villageRegistered()])
      .when(cmd('AssignResidentWorkTeam', { ...team, memberCount: 0 }))
      .thenRefuses('INVALID_COUNT');
  });

  it('ends a team; an unknown team is not found; a second different end is refused', () => {
    const end = (on: string) =>
      cmd('EndResidentWorkTeam', { organizationId: 'v1', teamId: 'wt-1', on, reason: '轮换' });
    const ended: OrganizationEvent = {
      type: 'ResidentWorkTeamEnded',
      data: { organizationId: 'v1', teamId: 'wt-1', on: '2025-06-01', reason: '轮换' },
    };
    given([villageRegistered(), assigned]).when(end('2025-06-01')).then([ended]);
    given([villageRegistered()]).when(end('2025-06-01')).thenRefuses('WORK_TEAM_NOT_FOUND');
    given([villageRegistered(), assigned, ended]).when(end('2025-06-01')).then([]);
    given([villageRegistered(), assigned, ended])
      .when(end('2025-06-02'))
      .thenRefuses('ASSIGNMENT_ENDED');
  });
});

describe('Party-building instructors (党建指导员, seeds 000 and 004)', () => {
  const instructor = {
    organizationId: 'n1',
    instructorId: 'pi-1',
    name: '陈静',
    fromOrganizationId: 'o1',
    startsOn: '2025-04-01',
  };

  it('assigns an instructor to a 两新 organization', () =>
    given([twoNew])
      .when(cmd('AssignPartyBuildingInstructor', instructor))
      .then([{ type: 'PartyBuildingInstructorAssigned', data: instructor }]));

  it('assigns an instructor to a village', () =>
    given([villageRegistered()])
      .when(cmd('AssignPartyBuildingInstructor', { ...instructor, organizationId: 'v1' }))
      .then([
        { type: 'PartyBuildingInstructorAssigned', data: { ...instructor, organizationId: 'v1' } },
      ]));

  it('refuses an instructor for an organ', () =>
    given([organRegistered('o2')])
      .when(cmd('AssignPartyBuildingInstructor', { ...instructor, organizationId: 'o2' }))
      .thenRefuses('SECTOR_NOT_APPLICABLE'));

  it('ends an assignment, not before its start', () => {
    const assigned: OrganizationEvent = {
      type: 'PartyBuildingInstructorAssigned',
      data: instructor,
    };
    const end = (on: string) =>
      cmd('EndPartyBuildingInstructor', {
        organizationId: 'n1',
        instructorId: 'pi-1',
        on,
        reason: '调任',
      });
    given([twoNew, assigned])
      .when(end('2025-06-01'))
      .then([
        {
          type: 'PartyBuildingInstructorEnded',
          data: { organizationId: 'n1', instructorId: 'pi-1', on: '2025-06-01', reason: '调任' },
        },
      ]);
    given([twoNew, assigned]).when(end('2025-03-31')).thenRefuses('END_BEFORE_START');
    given([twoNew]).when(end('2025-06-01')).thenRefuses('INSTRUCTOR_NOT_FOUND');
  });
});
