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
 * the operator's townships (the recipient of an allocation never changes, so it is checked once
 * before the decision runs).
 */
export async function changeAllocation<C extends AllocationCommand>(
  runner: DecisionRunner,
  allocationId: string,
  type: C['type'],
  data: C['data'],
  metadata: CommandMetadata,
  occurredAt?: string,
): Promise<CommandResult> {
  const streamId = allocationStreamId(allocationId);
  const { state } = await runner.load(streamId, allocationDecider);
  if (state.status === 'none') throw new NotFoundError('allocation', allocationId);
  await assertOrganizationInScope(runner, state.recipientOrganizationId, metadata.actor);
  return runner.run({
    id: allocationId,
    streamId,
    decider: allocationDecider,
    metadata,
    occurredAt,
    command: () => domainCommand<C>(type, data, metadata),
  });
}
