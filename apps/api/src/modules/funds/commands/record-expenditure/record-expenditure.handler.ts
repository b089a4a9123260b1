import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RecordExpenditure } from '@gongjian/domain';
import { shanghaiMidnight } from '../../../../write-side/business-clock';
import { CommandResult } from '../../../../write-side/command-result';
import { DecisionRunner } from '../../../../write-side/decision-runner';
import { changeAllocation } from '../allocation-change';
import { RecordExpenditureCommand } from './record-expenditure.command';

/** spent ≤ disbursed (422 EXPENDITURE_EXCEEDS_DISBURSED), decided on the allocation stream. */
@CommandHandler(RecordExpenditureCommand)
export class RecordExpenditureHandler implements ICommandHandler<RecordExpenditureCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  execute({ allocationId, body, metadata }: RecordExpenditureCommand): Promise<CommandResult> {
    return changeAllocation<RecordExpenditure>(
      this.runner,
      allocationId,
      'RecordExpenditure',
      { allocationId, ...body },
      metadata,
      shanghaiMidnight(body.on),
    );
  }
}
