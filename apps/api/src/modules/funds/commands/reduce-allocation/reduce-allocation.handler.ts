import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ReduceAllocation } from '@gongjian/domain';
import { CommandResult, DecisionRunner } from '@gongjian/write-side';
import { changeAllocationAndRelease } from '../budget-release';
import { ReduceAllocationCommand } from './reduce-allocation.command';

/**
 * AllocationReduced on `allocation-<id>` (never below what was disbursed: 422
 * REDUCTION_BELOW_DISBURSED; honours If-Match) and AllocationReleased on its budget, together.
 */
@CommandHandler(ReduceAllocationCommand)
export class ReduceAllocationHandler implements ICommandHandler<ReduceAllocationCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  execute({ allocationId, body, metadata }: ReduceAllocationCommand): Promise<CommandResult> {
    return changeAllocationAndRelease<ReduceAllocation>(
      this.runner,
      allocationId,
      'ReduceAllocation',
      { allocationId, ...body },
      metadata,
    );
  }
}
