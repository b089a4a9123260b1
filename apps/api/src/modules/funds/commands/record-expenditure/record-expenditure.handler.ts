import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RecordExpenditure } from '@gongjian/domain';
import { CommandResult, DecisionRunner, shanghaiMidnight } from '@gongjian/write-side';
import { changeAllocation } from '../allocation-change';
import { RecordExpenditureCommand } from './record-expenditure.command';

/**
 * spent ≤ disbursed, in all (422 EXPENDITURE_EXCEEDS_DISBURSED) and as of the expenditure's date
 * and every later one (422 EXPENDITURE_BEFORE_DISBURSEMENT), never before the budget period
 * starts (422 EXPENDITURE_OUTSIDE_BUDGET_PERIOD); decided on the allocation stream.
 */
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
