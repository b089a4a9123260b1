import { compact, requireAmountFen, requireYear } from './input.guards';
import { RecordCollectiveIncome } from './organization.commands';
import { CollectiveIncomeRecorded } from './organization.events';
import { requireRegistered, requireRuralSector } from './organization.guards';
import { OrganizationState } from './organization.state';

/**
 * Yearly village collective income (村集体经济收入). A later figure for the same year corrects
 * the earlier one; the same figure again is a no-op. Allowed on inactive organizations too, so
 * that past years can still be completed.
 */
export function recordCollectiveIncome(
  command: RecordCollectiveIncome,
  state: OrganizationState,
): CollectiveIncomeRecorded[] {
  const { data, context } = command;
  const organization = requireRegistered(state, data.organizationId);
  requireRuralSector(organization, command.type);
  const year = requireYear(data.year, context.today);
  const amountFen = requireAmountFen(data.amountFen, 'amountFen', true);
  const previousAmountFen = organization.collectiveIncome[year];
  if (previousAmountFen === amountFen) return [];
  return [
    {
      type: 'CollectiveIncomeRecorded',
      data: compact({ organizationId: organization.id, year, amountFen, previousAmountFen }),
    },
  ];
}
