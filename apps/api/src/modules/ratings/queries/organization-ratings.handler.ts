import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@gongjian/domain';
import {
  ORGANIZATIONS,
  RATINGS,
  READ_MODEL_READER,
  type ReadModelReader,
} from '@gongjian/projections';
import type { AuthenticatedActor } from '../../../http/auth/api-key';
import type { PagedQueryDto } from '../../../read-side/paged-query.dto';
import { readPage } from '../../../read-side/read-page';
import { awaitPosition } from '../../../read-side/read-your-writes';
import { assertReadableBy } from '../../../read-side/township-scope.filter';
import { toRatingView } from './rating.view';

export class OrganizationRatingsQuery {
  constructor(
    readonly organizationId: string,
    readonly paging: PagedQueryDto,
    readonly actor: AuthenticatedActor,
  ) {}
}

/**
 * A branch's ratings, oldest period first: each with its indicators and their evidence, the
 * change from the previous period and the improvement plan for the next star.
 */
@QueryHandler(OrganizationRatingsQuery)
export class OrganizationRatingsHandler implements IQueryHandler<OrganizationRatingsQuery> {
  constructor(@Inject(READ_MODEL_READER) private readonly reader: ReadModelReader) {}

  async execute({ organizationId, paging, actor }: OrganizationRatingsQuery) {
    await awaitPosition(this.reader, paging.minPosition);
    const organizations = await this.reader.collection('organizations', ORGANIZATIONS);
    const organization = await organizations.findById(organizationId);
    if (!organization) throw new NotFoundError('organization', organizationId);
    assertReadableBy(actor, [organization.township as string]);
    return readPage(
      await this.reader.collection('ratings', RATINGS),
      { organizationId },
      paging,
      toRatingView,
    );
  }
}
