import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  allocationDecider,
  allocationStreamId,
  ExistingAllocationState,
  NotFoundError,
} from '@gongjian/domain';
import { DecisionRunner } from '@gongjian/write-side';
import { assertOrganizationInScope } from '../commands/organization-in-scope';
import { GetAllocationQuery } from './get-allocation.query';

/** Answered from the allocation's stream until the read models arrive; operators see their townships. */
@QueryHandler(GetAllocationQuery)
export class GetAllocationHandler implements IQueryHandler<GetAllocationQuery> {
  constructor(private readonly runner: DecisionRunner) {}

  async execute({ allocationId, actor }: GetAllocationQuery) {
    const { state, revision } = await this.runner.load(
      allocationStreamId(allocationId),
      allocationDecider,
    );
    if (state.status === 'none') throw new NotFoundError('allocation', allocationId);
    await assertOrganizationInScope(this.runner, state.recipientOrganizationId, actor);
    return { ...toAllocationView(state), revision };
  }
}

export function toAllocationView(s: ExistingAllocationState) {
  return {
    id: s.allocationId,
    budgetId: s.budgetId,
    year: s.year,
    source: s.source,
    recipientOrganizationId: s.recipientOrganizationId,
    purpose: s.purpose,
    decisionRef: s.decisionRef,
    pairingId: s.pairingId,
    projectId: s.projectId,
    allocatedFen: s.allocatedFen,
    disbursedFen: s.disbursedFen,
    spentFen: s.spentFen,
    /** Allocated but not yet disbursed. */
    undisbursedFen: s.allocatedFen - s.disbursedFen,
    status: s.status,
  };
}
