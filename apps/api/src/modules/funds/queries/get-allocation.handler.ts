import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@gongjian/domain';
import { ALLOCATIONS, READ_MODEL_READER, type ReadModelReader } from '@gongjian/projections';
import type { AuthenticatedActor } from '../../../http/auth/api-key';
import { awaitPosition } from '../../../read-side/read-your-writes';
import { assertReadableBy } from '../../../read-side/township-scope.filter';
import { toAllocationView } from './allocation.view';

export class GetAllocationQuery {
  constructor(
    readonly allocationId: string,
    readonly actor: AuthenticatedActor,
    readonly minPosition?: string,
  ) {}
}

/** One allocation; operators read those whose recipient lies in their townships. */
@QueryHandler(GetAllocationQuery)
export class GetAllocationHandler implements IQueryHandler<GetAllocationQuery> {
  constructor(@Inject(READ_MODEL_READER) private readonly reader: ReadModelReader) {}

  async execute({ allocationId, actor, minPosition }: GetAllocationQuery) {
    await awaitPosition(this.reader, minPosition);
    const allocations = await this.reader.collection('allocations', ALLOCATIONS);
    const allocation = await allocations.findById(allocationId);
    if (!allocation) throw new NotFoundError('allocation', allocationId);
    const township = allocation.recipientTownship as string | undefined;
    assertReadableBy(actor, township === undefined ? [] : [township]);
    return toAllocationView(allocation);
  }
}
