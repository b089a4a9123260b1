import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { budgetDecider, budgetStreamId, ReduceBudget } from '@gongjian/domain';
import { CommandResult, DecisionRunner, domainCommand } from '@gongjian/write-side';
import { ReduceBudgetCommand } from './reduce-budget.command';

/**
 * An unknown budget is refused by the decider (404 BUDGET_NOT_FOUND); a pool below what is
 * allocated from it with 422 BUDGET_REDUCTION_BELOW_ALLOCATED.
 */
@CommandHandler(ReduceBudgetCommand)
export class ReduceBudgetHandler implements ICommandHandler<ReduceBudgetCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  execute({ budgetId, body, metadata }: ReduceBudgetCommand): Promise<CommandResult> {
    return this.runner.run({
      id: budgetId,
      streamId: budgetStreamId(budgetId),
      decider: budgetDecider,
      metadata,
      command: () => domainCommand<ReduceBudget>('ReduceBudget', { budgetId, ...body }, metadata),
    });
  }
}
