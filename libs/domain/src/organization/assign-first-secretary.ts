import { DomainError } from '../shared/domain-error';
import {
  InputErrorCode,
  compact,
  requireDate,
  requireDateRange,
  requireText,
} from './input.guards';
import { AssignFirstSecretary } from './organization.commands';
import { FirstSecretaryAssigned } from './organization.events';
import { requireActive, requireRegistered, requireRuralSector } from './organization.guards';
import { OrganizationState } from './organization.state';

/** 第一书记: villages and communities; a new assignment replaces the current one. */
export function assignFirstSecretary(
  command: AssignFirstSecretary,
  state: OrganizationState,
): FirstSecretaryAssigned[] {
  const { data } = command;
  const organization = requireRegistered(state, data.organizationId);
  requireRuralSector(organization, command.type);
  requireActive(organization);
  const startsOn = requireDate(data.startsOn, 'startsOn');
  if (data.endsOn !== undefined) {
    requireDateRange(startsOn, requireDate(data.endsOn, 'endsOn'), 'startsOn', 'endsOn');
  }
  if (data.fromOrganizationId !== undefined) {
    requireText(data.fromOrganizationId, 'fromOrganizationId');
    if (data.fromOrganizationId === organization.id) {
      throw new DomainError(
        InputErrorCode.INVALID_VALUE,
        'a first secretary is dispatched from another organization',
        { field: 'fromOrganizationId' },
      );
    }
  }
  return [
    {
      type: 'FirstSecretaryAssigned',
      data: compact({
        organizationId: organization.id,
        name: requireText(data.name, 'name'),
        fromOrganizationId: data.fromOrganizationId,
        startsOn,
        endsOn: data.endsOn,
      }),
    },
  ];
}
