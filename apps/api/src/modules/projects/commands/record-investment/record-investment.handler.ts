import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RecordInvestment } from '@gongjian/domain';
import { CommandResult, DecisionRunner, shanghaiMidnight } from '@gongjian/write-side';
import { changeProject } from '../project-change';
import { RecordInvestmentCommand } from './record-investment.command';

@CommandHandler(RecordInvestmentCommand)
export class RecordInvestmentHandler implements ICommandHandler<RecordInvestmentCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  execute({ projectId, body, metadata }: RecordInvestmentCommand): Promise<CommandResult> {
    return changeProject<RecordInvestment>(
      this.runner,
      projectId,
      'RecordInvestment',
      { projectId, amountFen: body.amountFen, on: body.on, source: body.source },
      metadata,
      { occurredAt: shanghaiMidnight(body.on) },
    );
  }
}
