import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ReduceAllocation } from '@gongjian/domain';
import { EVENT_STORE, EventStore } from '@gongjian/event-store';
import { CommandResult, DecisionRunner } from '@gongjian/write-side';
import { changeAllocation } from '../allocation-change';
import { releaseOnBudget } from '../budget-release';
import { ReduceAllocationCommand } from './reduce-allocation.command';

/**
 * 1. AllocationReduced on `allocation-<id>` (never below what was disbursed: 422
 *    REDUCTION_BELOW_DISBURSED; honours If-Match);
 * 2. AllocationReleased on the budget with the releaseId of that event (see budget-release.ts).
 * The answer is the allocation stream's.
 */
@CommandHandler(ReduceAllocationCommand)
export class ReduceAllocationHandler implements ICommandHandler<ReduceAllocationCommand> {
  constructor(
    private readonly runner: DecisionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ allocationId, body, metadata }: ReduceAllocationCommand): Promise<CommandResult> {
    const result = await changeAllocation<ReduceAllocation>(
      this.runner,
      allocationId,
      'ReduceAllocation',
      { allocationId, ...body },
      metadata,
    );
    await releaseOnBudget(this.runner, this.store, result, metadata);
    return result;
  }
}
