import type { RecordedEvent } from '@gongjian/event-store';
import {
  AllocationEvent,
  BudgetEvent,
  MemberEvent,
  OrganizationEvent,
  organizationIdsOfFundsEvent,
  organizationIdsOfMemberEvent,
  organizationIdsOfOrganizationEvent,
  organizationIdsOfPairingEvent,
  organizationIdsOfProjectEvent,
  PairingEvent,
  ProjectEvent,
} from '@gongjian/domain';

/** Every organization an event concerns, by the domain's own rule for its stream. */
export function organizationIdsOf(event: RecordedEvent): string[] {
  const domainEvent = { type: event.type, data: event.data };
  const prefix = event.streamId.slice(0, event.streamId.indexOf('-') + 1);
  switch (prefix) {
    case 'organization-':
      return organizationIdsOfOrganizationEvent(domainEvent as OrganizationEvent);
    case 'pairing-':
      return organizationIdsOfPairingEvent(domainEvent as PairingEvent);
    case 'project-':
      return organizationIdsOfProjectEvent(domainEvent as ProjectEvent);
    case 'budget-':
    case 'allocation-':
      return organizationIdsOfFundsEvent(domainEvent as BudgetEvent | AllocationEvent);
    case 'member-':
      return organizationIdsOfMemberEvent(domainEvent as MemberEvent);
    default: {
      const { organizationId } = event.data as { organizationId?: unknown };
      return typeof organizationId === 'string' ? [organizationId] : [];
    }
  }
}
