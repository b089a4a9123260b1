import { AllocationEvent } from './allocation.events';
import { BudgetEvent } from './budget.events';

/** The organizations a funds event concerns (audit filter `organizationId`). */
export function organizationIdsOfFundsEvent(event: BudgetEvent | AllocationEvent): string[] {
  const data: { issuerOrganizationId?: string; recipientOrganizationId?: string } = event.data;
  return [data.issuerOrganizationId, data.recipientOrganizationId].filter(
    (id, i, all): id is string => id !== undefined && all.indexOf(id) === i,
  );
}
