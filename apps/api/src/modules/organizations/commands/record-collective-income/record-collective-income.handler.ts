import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RecordCollectiveIncome } from '@gongjian/domain';
import { CommandResult, DecisionRunner } from '@gongjian/write-side';
import { changeOrganization } from '../organization-change';
import { RecordCollectiveIncomeCommand } from './record-collective-income.command';

@CommandHandler(RecordCollectiveIncomeCommand)
export class RecordCollectiveIncomeHandler implements ICommandHandler<RecordCollectiveIncomeCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  execute({
    organizationId,
    body,
    metadata,
  }: RecordCollectiveIncomeCommand): Promise<CommandResult> {
    return changeOrganization<RecordCollectiveIncome>(
      this.runner,
      organizationId,
      'RecordCollectiveIncome',
      { organizationId, ...body },
      metadata,
    );
  }
}
