import { compact, requireCount, requireYear } from './input.guards';
import { RecordMemberCount } from './organization.commands';
import { memberCountInconsistent } from './organization.errors';
import { MemberCountRecorded } from './organization.events';
import { requireRegistered } from './organization.guards';
import { OrganizationState } from './organization.state';

/** Yearly Party member count, any sector; a later figure for a year corrects the earlier one. */
export function recordMemberCount(
  command: RecordMemberCount,
  state: OrganizationState,
): MemberCountRecorded[] {
  const { data, context } = command;
  const organization = requireRegistered(state, data.organizationId);
  const year = requireYear(data.year, context.today);
  const count = requireCount(data.count, 'count');
  const ruralCount =
    data.ruralCount === undefined ? undefined : requireCount(data.ruralCount, 'ruralCount');
  if (ruralCount !== undefined && ruralCount > count)
    throw memberCountInconsistent(count, ruralCount);
  const previous = organization.memberCounts[year];
  if (previous && previous.count === count && previous.ruralCount === ruralCount) return [];
  return [
    {
      type: 'MemberCountRecorded',
      data: compact({ organizationId: organization.id, year, count, ruralCount }),
    },
  ];
}
