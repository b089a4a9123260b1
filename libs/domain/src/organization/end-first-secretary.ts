import { compact } from './input.guards';
import { requireEnd } from './dispatch.guards';
import { EndFirstSecretary } from './organization.commands';
import { organizationError } from './organization.errors';
import { FirstSecretaryEnded } from './organization.events';
import { requireRegistered, requireRuralSector } from './organization.guards';
import { OrganizationState } from './organization.state';

/** Ends the current first secretary's assignment (also on a deactivated village, for the record). */
export function endFirstSecretary(
  command: EndFirstSecretary,
  state: OrganizationState,
): FirstSecretaryEnded[] {
  const { data, context } = command;
  const organization = requireRegistered(state, data.organizationId);
  requireRuralSector(organization, command.type);
  const current = organization.firstSecretary;
  if (!current) {
    throw organizationError(
      'NO_FIRST_SECRETARY',
      `${organization.id} has no first secretary assigned`,
      { organizationId: organization.id },
    );
  }
  const { on, reason } = requireEnd(current, data, context.today);
  return [
    {
      type: 'FirstSecretaryEnded',
      data: compact({
        organizationId: organization.id,
        name: current.name,
        fromOrganizationId: current.fromOrganizationId,
        startsOn: current.startsOn,
        endedOn: on,
        reason,
      }),
    },
  ];
}
