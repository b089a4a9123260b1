import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { budgetDecider, budgetIdFor, budgetStreamId, OpenBudget } from '@gongjian/domain';
import { CommandResult, DecisionRunner, domainCommand } from '@gongjian/write-side';
import { loadOrganization } from '../../../organizations/known-organization';
import { OpenBudgetCommand } from './open-budget.command';

/** Budgets are county-level pools: the controller admits admins only. */
@CommandHandler(OpenBudgetCommand)
export class OpenBudgetHandler implements ICommandHandler<OpenBudgetCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  async execute({ body, metadata }: OpenBudgetCommand): Promise<CommandResult> {
    const { year, source, amountFen, issuerOrganizationId } = body;
    if (issuerOrganizationId !== undefined)
      await loadOrganization(this.runner, issuerOrganizationId);
    const budgetId = budgetIdFor(year, source, issuerOrganizationId);
    return this.runner.run({
      id: budgetId,
      streamId: budgetStreamId(budgetId),
      decider: budgetDecider,
      metadata,
      command: () =>
        domainCommand<OpenBudget>(
          'OpenBudget',
          {
            budgetId,
            year,
            source,
            amountFen,
            ...(issuerOrganizationId !== undefined && { issuerOrganizationId }),
          },
          metadata,
        ),
    });
  }
}
