import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { budgetDecider, budgetStreamId, NotFoundError, OpenBudgetState } from '@gongjian/domain';
import { DecisionRunner } from '@gongjian/write-side';
import { GetBudgetQuery } from './get-budget.query';

/** Answered from the budget's stream until the read models arrive. */
@QueryHandler(GetBudgetQuery)
export class GetBudgetHandler implements IQueryHandler<GetBudgetQuery> {
  constructor(private readonly runner: DecisionRunner) {}

  async execute({ budgetId }: GetBudgetQuery) {
    const { state, revision } = await this.runner.load(budgetStreamId(budgetId), budgetDecider);
    if (state.status !== 'open') throw new NotFoundError('budget', budgetId);
    return { ...toBudgetView(state), revision };
  }
}

function toBudgetView(s: OpenBudgetState) {
  return {
    id: s.budgetId,
    year: s.year,
    source: s.source,
    issuerOrganizationId: s.issuerOrganizationId,
    poolFen: s.poolFen,
    /** Σ of what the allocations of this budget still hold. */
    reservedFen: s.reservedFen,
    availableFen: s.poolFen - s.reservedFen,
    allocations: Object.entries(s.reservations).map(([allocationId, r]) => ({
      allocationId,
      recipientOrganizationId: r.recipientOrganizationId,
      purpose: r.purpose,
      reservedFen: r.currentFen,
    })),
  };
}
