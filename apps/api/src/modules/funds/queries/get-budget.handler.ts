import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@gongjian/domain';
import {
  BUDGET_RESERVATIONS,
  BUDGETS,
  READ_MODEL_READER,
  type ReadModelReader,
} from '@gongjian/projections';
import { publicFields } from '../../../read-side/read-view';
import { awaitPosition } from '../../../read-side/read-your-writes';

export class GetBudgetQuery {
  constructor(
    readonly budgetId: string,
    readonly minPosition?: string,
  ) {}
}

/** One budget pool with what each allocation holds of it, in the order they were reserved. */
@QueryHandler(GetBudgetQuery)
export class GetBudgetHandler implements IQueryHandler<GetBudgetQuery> {
  constructor(@Inject(READ_MODEL_READER) private readonly reader: ReadModelReader) {}

  async execute({ budgetId, minPosition }: GetBudgetQuery) {
    await awaitPosition(this.reader, minPosition);
    const budget = await (await this.reader.collection('budgets', BUDGETS)).findById(budgetId);
    if (!budget) throw new NotFoundError('budget', budgetId);
    const reservations = await this.reader.collection('budgets', BUDGET_RESERVATIONS);
    const held = await reservations.find({ budgetId }, { sort: [['reservedPosition', 1]] });
    return {
      ...publicFields(budget),
      allocations: held.map(({ allocationId, recipientOrganizationId, purpose, reservedFen }) => ({
        allocationId,
        recipientOrganizationId,
        purpose,
        reservedFen,
      })),
    };
  }
}
