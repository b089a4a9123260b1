import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RecordDisbursement } from '@gongjian/domain';
import { CommandResult, DecisionRunner, shanghaiMidnight } from '@gongjian/write-side';
import { changeAllocation } from '../allocation-change';
import { RecordDisbursementCommand } from './record-disbursement.command';

/** disbursed ≤ allocated (422 DISBURSEMENT_EXCEEDS_ALLOCATION), decided on the allocation stream. */
@CommandHandler(RecordDisbursementCommand)
export class RecordDisbursementHandler implements ICommandHandler<RecordDisbursementCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  execute({ allocationId, body, metadata }: RecordDisbursementCommand): Promise<CommandResult> {
    return changeAllocation<RecordDisbursement>(
      this.runner,
      allocationId,
      'RecordDisbursement',
      { allocationId, ...body },
      metadata,
      shanghaiMidnight(body.on),
    );
  }
}
