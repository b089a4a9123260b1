import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@gongjian/domain';
import {
  BUDGET_RESERVATIONS,
  BUDGETS,
  ORGANIZATIONS,
  READ_MODEL_READER,
  type ReadModelReader,
} from '@gongjian/projections';
import type { ReadDocument } from '@gongjian/read-store';
import type { AuthenticatedActor } from '../../../http/auth/api-key';
import { publicFields } from '../../../read-side/read-view';
import { awaitPosition } from '../../../read-side/read-your-writes';
import { isTownshipScoped } from '../../../read-side/township-scope.filter';

export class GetBudgetQuery {
  constructor(
    readonly budgetId: string,
    readonly actor: AuthenticatedActor,
    readonly minPosition?: string,
  ) {}
}

/**
 * One budget pool with what each allocation holds of it, in the order they were reserved; an
 * operator sees the allocations to organizations of its townships only (the pool's totals stay
 * the county's: they tell what is left to allocate).
 */
@QueryHandler(GetBudgetQuery)
export class GetBudgetHandler implements IQueryHandler<GetBudgetQuery> {
  constructor(@Inject(READ_MODEL_READER) private readonly reader: ReadModelReader) {}

  async execute({ budgetId, actor, minPosition }: GetBudgetQuery) {
    await awaitPosition(this.reader, minPosition);
    const budget = await (await this.reader.collection('budgets', BUDGETS)).findById(budgetId);
    if (!budget) throw new NotFoundError('budget', budgetId);
    const reservations = await this.reader.collection('budgets', BUDGET_RESERVATIONS);
    const all = await reservations.find({ budgetId }, { sort: [['reservedPosition', 1]] });
    const held = await this.inScope(actor, all);
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

  private async inScope(actor: AuthenticatedActor, held: ReadDocument[]): Promise<ReadDocument[]> {
    if (!isTownshipScoped(actor)) return held;
    const ids = [...new Set(held.map((r) => r.recipientOrganizationId as string))];
    const organizations = await this.reader.collection('organizations', ORGANIZATIONS);
    const townships = new Map(
      (await organizations.findByIds(ids)).map((o) => [o._id, o.township as string]),
    );
    return held.filter((r) =>
      actor.townships.includes(townships.get(r.recipientOrganizationId as string) ?? ''),
    );
  }
}
