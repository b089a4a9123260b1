import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PROJECTS, READ_MODEL_READER, type ReadModelReader } from '@gongjian/projections';
import type { AuthenticatedActor } from '../../../http/auth/api-key';
import { readPage } from '../../../read-side/read-page';
import { awaitPosition } from '../../../read-side/read-your-writes';
import { townshipFilter } from '../../../read-side/township-scope.filter';
import type { ListProjectsQueryDto } from './list-projects.query.dto';
import { toProjectView } from './project.view';

export class ListProjectsQuery {
  constructor(
    readonly filters: ListProjectsQueryDto,
    readonly actor: AuthenticatedActor,
  ) {}
}

/** Projects by pairing, category and township (either side of the pairing). */
@QueryHandler(ListProjectsQuery)
export class ListProjectsHandler implements IQueryHandler<ListProjectsQuery> {
  constructor(@Inject(READ_MODEL_READER) private readonly reader: ReadModelReader) {}

  async execute({ filters, actor }: ListProjectsQuery) {
    await awaitPosition(this.reader, filters.minPosition);
    return readPage(
      await this.reader.collection('projects', PROJECTS),
      {
        ...townshipFilter(actor, 'townships', filters.township),
        ...(filters.pairingId !== undefined && { pairingId: filters.pairingId }),
        ...(filters.category !== undefined && { category: filters.category }),
      },
      filters,
      toProjectView,
    );
  }
}
