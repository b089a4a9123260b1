import {
  AllocationCommand,
  allocationDecider,
  allocationStreamId,
  NotFoundError,
} from '@gongjian/domain';
import {
  CommandMetadata,
  CommandResult,
  DecisionRunner,
  domainCommand,
} from '@gongjian/write-side';
import { assertOrganizationInScope } from './organization-in-scope';

/**
 * A command on an existing allocation stream: 404 if unknown, 403 when the recipient lies outside
 * the operator's townships. Checked on the states the decision reads (the cached ones), so a
 * command costs no read of the whole stream.
 */
export function changeAllocation<C extends AllocationCommand>(
  runner: DecisionRunner,
  allocationId: string,
  type: C['type'],
  data: C['data'],
  metadata: CommandMetadata,
  occurredAt?: string,
): Promise<CommandResult> {
  const streamId = allocationStreamId(allocationId);
  return runner.runAcross({
    id: allocationId,
    streamId,
    metadata,
    occurredAt,
    decide: async (session) => {
      const state = await session.state(streamId, allocationDecider);
      if (state.status === 'none') throw new NotFoundError('allocation', allocationId);
      await assertOrganizationInScope(session, state.recipientOrganizationId, metadata.actor);
      await session.decide(streamId, allocationDecider, () =>
        domainCommand<C>(type, data, metadata),
      );
    },
  });
}
