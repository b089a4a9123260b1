import { compact, requireText } from './input.guards';
import { requireDispatch } from './dispatch.guards';
import { AssignFirstSecretary } from './organization.commands';
import { organizationError } from './organization.errors';
import { FirstSecretaryAssigned, FirstSecretaryEnded } from './organization.events';
import { requireActive, requireRegistered, requireRuralSector } from './organization.guards';
import { OrganizationState } from './organization.state';

/**
 * 第一书记: villages and communities. A new assignment replaces the current one, which ends on
 * the new start (FirstSecretaryEnded with `replacedBy`); `replaces`, when given, must name it.
 */
export function assignFirstSecretary(
  command: AssignFirstSecretary,
  state: OrganizationState,
): (FirstSecretaryEnded | FirstSecretaryAssigned)[] {
  const { data } = command;
  const organization = requireRegistered(state, data.organizationId);
  requireRuralSector(organization, command.type);
  requireActive(organization);
  const name = requireText(data.name, 'name');
  const dispatch = requireDispatch(organization, data, 'first secretary');
  const current = organization.firstSecretary;
  if (data.replaces !== undefined && data.replaces !== current?.name) {
    throw organizationError(
      'FIRST_SECRETARY_MISMATCH',
      current
        ? `the first secretary of ${organization.id} is ${current.name}, not ${data.replaces}`
        : `${organization.id} has no first secretary to replace`,
      { organizationId: organization.id, replaces: data.replaces, current: current?.name },
    );
  }
  const assigned: FirstSecretaryAssigned = {
    type: 'FirstSecretaryAssigned',
    data: compact({
      organizationId: organization.id,
      name,
      ...dispatch,
      replaces: current?.name,
    }),
  };
  if (!current) return [assigned];
  if (dispatch.startsOn < current.startsOn) {
    throw organizationError(
      'END_BEFORE_START',
      `${current.name} started on ${current.startsOn}: a successor cannot start on ${dispatch.startsOn}`,
      { field: 'startsOn', startsOn: dispatch.startsOn, currentStartsOn: current.startsOn },
    );
  }
  const ended: FirstSecretaryEnded = {
    type: 'FirstSecretaryEnded',
    data: compact({
      organizationId: organization.id,
      name: current.name,
      fromOrganizationId: current.fromOrganizationId,
      startsOn: current.startsOn,
      endedOn: dispatch.startsOn,
      reason: 'replaced',
      replacedBy: name,
    }),
  };
  return [ended, assigned];
}
