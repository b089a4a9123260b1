import { Inject, Optional } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ORGANIZATIONS, READ_MODEL_READER, type ReadModelReader } from '@gongjian/projections';
import type { AuthenticatedActor } from '../../../http/auth/api-key';
import { awaitPosition } from '../../../read-side/read-your-writes';
import { readPage } from '../../../read-side/read-page';
import { townshipFilter } from '../../../read-side/township-scope.filter';
import type { ListOrganizationsQueryDto } from './list-organizations.query.dto';
import { toOrganizationView } from './organization.view';
import {
  DEFAULT_ORGANIZATION_VIEW_OPTIONS,
  ORGANIZATION_VIEW_OPTIONS,
  OrganizationViewOptions,
} from './organization-view-options';

export class ListOrganizationsQuery {
  constructor(
    readonly filters: ListOrganizationsQueryDto,
    readonly actor: AuthenticatedActor,
  ) {}
}

/** Organizations by township, sector, village category and stars; operators see their townships. */
@QueryHandler(ListOrganizationsQuery)
export class ListOrganizationsHandler implements IQueryHandler<ListOrganizationsQuery> {
  constructor(
    @Inject(READ_MODEL_READER) private readonly reader: ReadModelReader,
    @Optional()
    @Inject(ORGANIZATION_VIEW_OPTIONS)
    private readonly options: OrganizationViewOptions = DEFAULT_ORGANIZATION_VIEW_OPTIONS,
  ) {}

  async execute({ filters, actor }: ListOrganizationsQuery) {
    await awaitPosition(this.reader, filters.minPosition);
    const collection = await this.reader.collection('organizations', ORGANIZATIONS);
    return readPage(
      collection,
      {
        ...townshipFilter(actor, 'township', filters.township),
        ...(filters.sector !== undefined && { sector: filters.sector }),
        ...(filters.category !== undefined && { [`categoryFlags.${filters.category}`]: true }),
        ...(filters.stars !== undefined && { 'rating.stars': filters.stars }),
      },
      filters,
      (document) => toOrganizationView(document, this.options),
    );
  }
}
