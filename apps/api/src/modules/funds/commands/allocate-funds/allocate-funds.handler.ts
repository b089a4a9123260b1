import { Inject } from '@nestjs/common';
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
import { CommandResult, DecisionRunner, domainCommand, resourceIdFor } from '@gongjian/write-side';
import { AllocateFundsCommand } from './allocate-funds.command';
import { PAIRING_RULES, PairingRules } from '../../../pairings/pairing-rules';
import { assertOrganizationInScope } from '../organization-in-scope';
import { allocationReferences } from './allocation-references';

/**
 * AllocationOpened on `allocation-<id>` (the answer) and AllocationReserved on `budget-<id>`,
 * where Σ allocated ≤ pool holds under concurrency (422 BUDGET_EXCEEDED), decided on the states
 * read in one attempt and appended at once. Before either is decided: the recipient exists
 * (404), is active (422 RECIPIENT_INACTIVE) and lies in the operator's townships (403); the
 * pairing and project named exist (404) and lie in scope (403); the budget exists (404). The
 * pairing (named, or the project's) must be active or within LATE_ENTRY_GRACE_DAYS of its end
 * (422 PAIRING_NOT_ACTIVE) and the recipient one of its organizations (422
 * ALLOCATION_RECIPIENT_NOT_IN_PAIRING): the allocation then counts as delivered against it.
 * If-Match does not apply: the command creates a resource.
 */
@CommandHandler(AllocateFundsCommand)
export class AllocateFundsHandler implements ICommandHandler<AllocateFundsCommand> {
  constructor(
    private readonly runner: DecisionRunner,
    @Inject(PAIRING_RULES) private readonly rules: PairingRules,
  ) {}

  execute({ body, metadata }: AllocateFundsCommand): Promise<CommandResult> {
    const allocationId = body.id ?? resourceIdFor(metadata.commandId, 'allocation');
    const streamId = allocationStreamId(allocationId);
    const budgetStream = budgetStreamId(body.budgetId);
    return this.runner.runAcross({
      id: allocationId,
      streamId,
      metadata,
      ignoreIfMatch: true,
      writes: [budgetStream],
      decide: async (session) => {
        const { recipient, pairing } = await allocationReferences(session, body, metadata.actor);
        const budget = await session.state(budgetStream, budgetDecider);
        if (budget.status !== 'open') throw new NotFoundError('budget', body.budgetId);
        // A budget an organization issued (e.g. a township committee's subsidy) is that
        // organization's money: an operator spends it only within the issuer's townships too.
        if (budget.issuerOrganizationId !== undefined)
          await assertOrganizationInScope(session, budget.issuerOrganizationId, metadata.actor);
        await session.decide(streamId, allocationDecider, () =>
          domainCommand<OpenAllocation>(
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
              ...(body.decisionOn !== undefined && { decisionOn: body.decisionOn }),
              ...(body.pairingId !== undefined && { pairingId: body.pairingId }),
              ...(pairing !== undefined && {
                pairing,
                pairingGraceDays: this.rules.lateEntryGraceDays,
              }),
              ...(body.projectId !== undefined && { projectId: body.projectId }),
            },
            metadata,
          ),
        );
        await session.decide(budgetStream, budgetDecider, () =>
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
        );
      },
    });
  }
}
