import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { budgetDecider, budgetStreamId, IncreaseBudget } from '@gongjian/domain';
import { CommandResult, DecisionRunner, domainCommand } from '@gongjian/write-side';
import { IncreaseBudgetCommand } from './increase-budget.command';

/** An unknown budget is refused by the decider (404 BUDGET_NOT_FOUND). */
@CommandHandler(IncreaseBudgetCommand)
export class IncreaseBudgetHandler implements ICommandHandler<IncreaseBudgetCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  execute({ budgetId, body, metadata }: IncreaseBudgetCommand): Promise<CommandResult> {
    return this.runner.run({
      id: budgetId,
      streamId: budgetStreamId(budgetId),
      decider: budgetDecider,
      metadata,
      command: () =>
        domainCommand<IncreaseBudget>('IncreaseBudget', { budgetId, ...body }, metadata),
    });
  }
}
