import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CancelAllocation } from '@gongjian/domain';
import { CommandResult, DecisionRunner } from '@gongjian/write-side';
import { changeAllocationAndRelease } from '../budget-release';
import { CancelAllocationCommand } from './cancel-allocation.command';

/**
 * AllocationCancelled on `allocation-<id>` (only while nothing was disbursed: 422
 * CANCEL_AFTER_DISBURSEMENT; honours If-Match) and AllocationReleased on its budget for what was
 * still allocated, together.
 */
@CommandHandler(CancelAllocationCommand)
export class CancelAllocationHandler implements ICommandHandler<CancelAllocationCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  execute({ allocationId, body, metadata }: CancelAllocationCommand): Promise<CommandResult> {
    return changeAllocationAndRelease<CancelAllocation>(
      this.runner,
      allocationId,
      'CancelAllocation',
      { allocationId, ...body },
      metadata,
    );
  }
}
