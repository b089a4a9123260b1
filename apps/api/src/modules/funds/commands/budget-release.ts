import {
  AllocationEvent,
  budgetDecider,
  budgetStreamId,
  ReleaseAllocation,
} from '@gongjian/domain';
import { EventStore } from '@gongjian/event-store';
import {
  CommandMetadata,
  CommandResult,
  DecisionRunner,
  domainCommand,
  upcast,
} from '@gongjian/write-side';

/**
 * Second half of a reduction or a cancellation: the allocation stream already holds the
 * AllocationReduced / AllocationCancelled event (written first, see budget.decider.ts); this
 * releases the same amount on the budget stream under the releaseId that event carries.
 *
 * The event is read back by the revision the first append answered, so concurrent reductions of
 * the same allocation each release their own amount. A retry of the same command answers the
 * earlier allocation result and runs this again: a releaseId already applied is a no-op, so a
 * crash between the two appends is completed by the retry.
 */
export async function releaseOnBudget(
  runner: DecisionRunner,
  store: EventStore,
  allocationResult: CommandResult,
  metadata: CommandMetadata,
): Promise<void> {
  const [recorded] = await store.readStream(allocationResult.streamId, {
    from: allocationResult.revision,
    limit: 1,
  });
  if (!recorded) return;
  const event = upcast(recorded) as AllocationEvent;
  if (event.type !== 'AllocationReduced' && event.type !== 'AllocationCancelled') return;
  const { allocationId, budgetId, releaseId, reason } = event.data;
  const amountFen =
    event.type === 'AllocationReduced' ? event.data.amountFen : event.data.releasedFen;
  await runner.run({
    id: allocationId,
    streamId: budgetStreamId(budgetId),
    decider: budgetDecider,
    metadata,
    ignoreIfMatch: true,
    command: () =>
      domainCommand<ReleaseAllocation>(
        'ReleaseAllocation',
        { budgetId, allocationId, releaseId, amountFen, reason },
        metadata,
      ),
  });
}
