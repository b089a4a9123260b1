import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ALLOCATIONS, READ_MODEL_READER, type ReadModelReader } from '@gongjian/projections';
import type { AuthenticatedActor } from '../../../http/auth/api-key';
import { readPage } from '../../../read-side/read-page';
import { awaitPosition } from '../../../read-side/read-your-writes';
import { townshipFilter } from '../../../read-side/township-scope.filter';
import { toAllocationView } from './allocation.view';
import type { ListAllocationsQueryDto } from './list-allocations.query.dto';

export class ListAllocationsQuery {
  constructor(
    readonly filters: ListAllocationsQueryDto,
    readonly actor: AuthenticatedActor,
  ) {}
}

/** Allocations by recipient, year, source and purpose; operators see their townships' recipients. */
@QueryHandler(ListAllocationsQuery)
export class ListAllocationsHandler implements IQueryHandler<ListAllocationsQuery> {
  constructor(@Inject(READ_MODEL_READER) private readonly reader: ReadModelReader) {}

  async execute({ filters, actor }: ListAllocationsQuery) {
    await awaitPosition(this.reader, filters.minPosition);
    return readPage(
      await this.reader.collection('allocations', ALLOCATIONS),
      {
        ...townshipFilter(actor, 'recipientTownship'),
        ...(filters.recipientOrganizationId !== undefined && {
          recipientOrganizationId: filters.recipientOrganizationId,
        }),
        ...(filters.year !== undefined && { year: filters.year }),
        ...(filters.source !== undefined && { source: filters.source }),
        ...(filters.purpose !== undefined && { purpose: filters.purpose }),
      },
      filters,
      toAllocationView,
    );
  }
}
