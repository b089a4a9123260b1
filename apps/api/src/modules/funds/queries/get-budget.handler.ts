import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@gongjian/domain';
import { BUDGETS, READ_MODEL_READER, type ReadModelReader } from '@gongjian/projections';
import { publicFields } from '../../../read-side/read-view';
import { awaitPosition } from '../../../read-side/read-your-writes';

export class GetBudgetQuery {
  constructor(
    readonly budgetId: string,
    readonly minPosition?: string,
  ) {}
}

/** One budget pool with what each allocation holds of it. */
@QueryHandler(GetBudgetQuery)
export class GetBudgetHandler implements IQueryHandler<GetBudgetQuery> {
  constructor(@Inject(READ_MODEL_READER) private readonly reader: ReadModelReader) {}

  async execute({ budgetId, minPosition }: GetBudgetQuery) {
    await awaitPosition(this.reader, minPosition);
    const budgets = await this.reader.collection('budgets', BUDGETS);
    const budget = await budgets.findById(budgetId);
    if (!budget) throw new NotFoundError('budget', budgetId);
    return publicFields(budget, ['state']);
  }
}
