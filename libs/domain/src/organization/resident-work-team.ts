import { NotFoundError } from '../shared/domain-error';
import { compact, requireCount, requireText } from './input.guards';
import { requireDispatch, requireEnd, sameAssignment } from './dispatch.guards';
import { AssignResidentWorkTeam, EndResidentWorkTeam } from './organization.commands';
import { organizationError } from './organization.errors';
import { ResidentWorkTeamAssigned, ResidentWorkTeamEnded } from './organization.events';
import { requireActive, requireRegistered, requireRuralSector } from './organization.guards';
import { OrganizationState } from './organization.state';

/** 驻村工作队 stationed in a village or community; the same team again is a no-op. */
export function assignResidentWorkTeam(
  command: AssignResidentWorkTeam,
  state: OrganizationState,
): ResidentWorkTeamAssigned[] {
  const { data } = command;
  const organization = requireRegistered(state, data.organizationId);
  requireRuralSector(organization, command.type);
  requireActive(organization);
  const assigned: ResidentWorkTeamAssigned = {
    type: 'ResidentWorkTeamAssigned',
    data: compact({
      organizationId: organization.id,
      teamId: requireText(data.teamId, 'teamId'),
      leaderName: requireText(data.leaderName, 'leaderName'),
      memberCount:
        data.memberCount === undefined
          ? undefined
          : requireCount(data.memberCount, 'memberCount', true),
      ...requireDispatch(organization, data, 'resident work team'),
    }),
  };
  const known = organization.workTeams?.[assigned.data.teamId];
  if (known) {
    if (sameAssignment(known, assigned.data)) return [];
    throw organizationError(
      'ASSIGNMENT_ID_CONFLICT',
      `work team ${known.teamId} is already assigned with other details`,
      { organizationId: organization.id, teamId: known.teamId },
    );
  }
  return [assigned];
}

export function endResidentWorkTeam(
  command: EndResidentWorkTeam,
  state: OrganizationState,
): ResidentWorkTeamEnded[] {
  const { data, context } = command;
  const organization = requireRegistered(state, data.organizationId);
  const team = organization.workTeams?.[data.teamId];
  if (!team) throw new NotFoundError('work_team', data.teamId);
  const { on, reason } = requireEnd(team, data, context.today);
  if (team.endedOn !== undefined) {
    if (team.endedOn === on && team.endReason === reason) return [];
    throw organizationError(
      'ASSIGNMENT_ENDED',
      `work team ${team.teamId} ended on ${team.endedOn}`,
      {
        teamId: team.teamId,
        endedOn: team.endedOn,
      },
    );
  }
  return [
    {
      type: 'ResidentWorkTeamEnded',
      data: { organizationId: organization.id, teamId: team.teamId, on, reason },
    },
  ];
}
