import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  allocationDecider,
  allocationStreamId,
  budgetDecider,
  budgetStreamId,
  NotFoundError,
  OpenAllocation,
  ReserveAllocation,
} from '@gongjian/domain';
import { assertInScope } from '../../../../http/auth/township-scope';
import { CommandResult, DecisionRunner, domainCommand, resourceIdFor } from '@gongjian/write-side';
import { loadOrganization } from '../../../organizations/known-organization';
import { AllocateFundsCommand } from './allocate-funds.command';

/**
 * Allocating touches two streams (see budget.decider.ts for why):
 *
 * 0. The allocation id is the client's or derived from the command id. If this command already
 *    opened that allocation (a retry), its first answer is returned and nothing else runs.
 * 1. Reads and checks, no write: the recipient exists (404) and lies in the operator's
 *    townships (403); the budget exists (404 BUDGET_NOT_FOUND); OpenAllocation is decided
 *    against the allocation's current state, so every refusal that does not depend on the pool
 *    (decision reference, party-dues purposes, an id already taken) comes before any write.
 * 2. ReserveAllocation on `budget-<id>` with the expected revision: the only place where
 *    Σ allocated ≤ pool holds under concurrency (422 BUDGET_EXCEEDED). Reserving the same
 *    allocation id with the same amount again is a no-op, so a retry after a crash between 2 and
 *    3 goes on to 3.
 * 3. OpenAllocation on `allocation-<id>` (year and source taken from the budget). Its answer is
 *    the command's answer.
 *
 * If-Match does not apply: the command creates a resource.
 */
@CommandHandler(AllocateFundsCommand)
export class AllocateFundsHandler implements ICommandHandler<AllocateFundsCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  async execute({ body, metadata }: AllocateFundsCommand): Promise<CommandResult> {
    // 0. id and retry
    const allocationId = body.id ?? resourceIdFor(metadata.commandId, 'allocation');
    const streamId = allocationStreamId(allocationId);
    const earlier = await this.runner.previousResult(allocationId, streamId, metadata);
    if (earlier) return earlier;

    // 1. checks before any write
    const recipient = await loadOrganization(this.runner, body.recipientOrganizationId);
    assertInScope(metadata.actor, recipient.township);
    const { state: budget } = await this.runner.load(budgetStreamId(body.budgetId), budgetDecider);
    if (budget.status !== 'open') throw new NotFoundError('budget', body.budgetId);
    const open = domainCommand<OpenAllocation>(
      'OpenAllocation',
      {
        allocationId,
        budgetId: budget.budgetId,
        year: budget.year,
        source: budget.source,
        recipientOrganizationId: recipient.id,
        amountFen: body.amountFen,
        purpose: body.purpose,
        decisionRef: body.decisionRef,
        ...(body.pairingId !== undefined && { pairingId: body.pairingId }),
        ...(body.projectId !== undefined && { projectId: body.projectId }),
      },
      metadata,
    );
    const { state: current } = await this.runner.load(streamId, allocationDecider);
    allocationDecider.decide(open, current);

    // 2. reserve on the budget
    await this.runner.run({
      id: allocationId,
      streamId: budgetStreamId(budget.budgetId),
      decider: budgetDecider,
      metadata,
      ignoreIfMatch: true,
      command: () =>
        domainCommand<ReserveAllocation>(
          'ReserveAllocation',
          {
            budgetId: budget.budgetId,
            allocationId,
            amountFen: body.amountFen,
            purpose: body.purpose,
            recipientOrganizationId: recipient.id,
          },
          metadata,
        ),
    });

    // 3. open the allocation
    return this.runner.run({
      id: allocationId,
      streamId,
      decider: allocationDecider,
      metadata,
      ignoreIfMatch: true,
      command: () => open,
    });
  }
}
