import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CancelAllocation } from '@gongjian/domain';
import { EVENT_STORE, EventStore } from '@gongjian/event-store';
import { CommandResult, DecisionRunner } from '@gongjian/write-side';
import { changeAllocation } from '../allocation-change';
import { releaseOnBudget } from '../budget-release';
import { CancelAllocationCommand } from './cancel-allocation.command';

/**
 * 1. AllocationCancelled on `allocation-<id>` (only while nothing was disbursed: 422
 *    CANCEL_AFTER_DISBURSEMENT; honours If-Match);
 * 2. AllocationReleased on the budget for what was still allocated (see budget-release.ts).
 * The answer is the allocation stream's.
 */
@CommandHandler(CancelAllocationCommand)
export class CancelAllocationHandler implements ICommandHandler<CancelAllocationCommand> {
  constructor(
    private readonly runner: DecisionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ allocationId, body, metadata }: CancelAllocationCommand): Promise<CommandResult> {
    const result = await changeAllocation<CancelAllocation>(
      this.runner,
      allocationId,
      'CancelAllocation',
      { allocationId, ...body },
      metadata,
    );
    await releaseOnBudget(this.runner, this.store, result, metadata);
    return result;
  }
}
