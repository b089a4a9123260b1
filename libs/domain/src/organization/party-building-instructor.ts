import { NotFoundError } from '../shared/domain-error';
import { compact, requireText } from './input.guards';
import { requireDispatch, requireEnd, sameAssignment } from './dispatch.guards';
import { AssignPartyBuildingInstructor, EndPartyBuildingInstructor } from './organization.commands';
import { organizationError } from './organization.errors';
import {
  PartyBuildingInstructorAssigned,
  PartyBuildingInstructorEnded,
} from './organization.events';
import { requireActive, requireRegistered, requireSectorIn } from './organization.guards';
import { OrganizationState } from './organization.state';
import { INSTRUCTOR_SECTORS } from './organization.vocabulary';

/** 党建指导员 for a village, a community or a 两新 organization; the same one again is a no-op. */
export function assignPartyBuildingInstructor(
  command: AssignPartyBuildingInstructor,
  state: OrganizationState,
): PartyBuildingInstructorAssigned[] {
  const { data } = command;
  const organization = requireRegistered(state, data.organizationId);
  requireSectorIn(organization, command.type, INSTRUCTOR_SECTORS);
  requireActive(organization);
  const assigned: PartyBuildingInstructorAssigned = {
    type: 'PartyBuildingInstructorAssigned',
    data: compact({
      organizationId: organization.id,
      instructorId: requireText(data.instructorId, 'instructorId'),
      name: requireText(data.name, 'name'),
      ...requireDispatch(organization, data, 'Party-building instructor'),
    }),
  };
  const known = organization.instructors?.[assigned.data.instructorId];
  if (known) {
    if (sameAssignment(known, assigned.data)) return [];
    throw organizationError(
      'ASSIGNMENT_ID_CONFLICT',
      `instructor ${known.instructorId} is already assigned with other details`,
      { organizationId: organization.id, instructorId: known.instructorId },
    );
  }
  return [assigned];
}

export function endPartyBuildingInstructor(
  command: EndPartyBuildingInstructor,
  state: OrganizationState,
): PartyBuildingInstructorEnded[] {
  const { data, context } = command;
  const organization = requireRegistered(state, data.organizationId);
  const instructor = organization.instructors?.[data.instructorId];
  if (!instructor) throw new NotFoundError('instructor', data.instructorId);
  const { on, reason } = requireEnd(instructor, data, context.today);
  if (instructor.endedOn !== undefined) {
    if (instructor.endedOn === on && instructor.endReason === reason) return [];
    throw organizationError(
      'ASSIGNMENT_ENDED',
      `instructor ${instructor.instructorId} ended on ${instructor.endedOn}`,
      { instructorId: instructor.instructorId, endedOn: instructor.endedOn },
    );
  }
  return [
    {
      type: 'PartyBuildingInstructorEnded',
      data: { organizationId: organization.id, instructorId: instructor.instructorId, on, reason },
    },
  ];
}
