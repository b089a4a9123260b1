import { requireDate, requireNotInFuture, requireText } from './input.guards';
import { DeactivateOrganization } from './organization.commands';
import { OrganizationDeactivated } from './organization.events';
import { requireRegistered } from './organization.guards';
import { OrganizationState } from './organization.state';

/**
 * An inactive organization can no longer be paired, categorized or given a first secretary.
 * Deactivating an inactive organization is a no-op. Pairings it is part of are not dissolved
 * here: the handler (or an operator) dissolves them through their own streams.
 */
export function deactivateOrganization(
  command: DeactivateOrganization,
  state: OrganizationState,
): OrganizationDeactivated[] {
  const { data, context } = command;
  const organization = requireRegistered(state, data.organizationId);
  if (organization.status === 'inactive') return [];
  const on = requireDate(data.on, 'on');
  requireNotInFuture(on, context.today, 'on');
  return [
    {
      type: 'OrganizationDeactivated',
      data: { organizationId: organization.id, reason: requireText(data.reason, 'reason'), on },
    },
  ];
}
