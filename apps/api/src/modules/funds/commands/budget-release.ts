import {
  AllocationCommand,
  AllocationEvent,
  allocationDecider,
  allocationStreamId,
  budgetDecider,
  budgetStreamId,
  NotFoundError,
  ReleaseAllocation,
} from '@gongjian/domain';
import {
  CommandMetadata,
  CommandResult,
  DecisionRunner,
  DecisionSession,
  domainCommand,
} from '@gongjian/write-side';
import { assertOrganizationInScope } from './organization-in-scope';

/**
 * The budget's half of a reduction or a cancellation: for the AllocationReduced /
 * AllocationCancelled event just decided on the allocation, ReleaseAllocation on the budget with
 * the releaseId that event carries. Decided in the same session, so both land in one append.
 */
export async function releaseOnBudget(
  session: DecisionSession,
  events: readonly AllocationEvent[],
  metadata: CommandMetadata,
): Promise<void> {
  for (const event of events) {
    if (event.type !== 'AllocationReduced' && event.type !== 'AllocationCancelled') continue;
    const { allocationId, budgetId, releaseId, reason } = event.data;
    const amountFen =
      event.type === 'AllocationReduced' ? event.data.amountFen : event.data.releasedFen;
    await session.decide(budgetStreamId(budgetId), budgetDecider, () =>
      domainCommand<ReleaseAllocation>(
        'ReleaseAllocation',
        { budgetId, allocationId, releaseId, amountFen, reason },
        metadata,
      ),
    );
  }
}

/**
 * A reduction or a cancellation: decided on `allocation-<id>` (404 if unknown, 403 outside the
 * recipient's township, If-Match on the allocation) and released on its budget, one append.
 */
export function changeAllocationAndRelease<C extends AllocationCommand>(
  runner: DecisionRunner,
  allocationId: string,
  type: C['type'],
  data: C['data'],
  metadata: CommandMetadata,
): Promise<CommandResult> {
  const streamId = allocationStreamId(allocationId);
  return runner.runAcross({
    id: allocationId,
    streamId,
    metadata,
    decide: async (session) => {
      const state = await session.state(streamId, allocationDecider);
      if (state.status === 'none') throw new NotFoundError('allocation', allocationId);
      await assertOrganizationInScope(session, state.recipientOrganizationId, metadata.actor);
      const events = await session.decide(streamId, allocationDecider, () =>
        domainCommand<C>(type, data, metadata),
      );
      await releaseOnBudget(session, events, metadata);
    },
  });
}
