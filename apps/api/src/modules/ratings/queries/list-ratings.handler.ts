import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RATINGS, READ_MODEL_READER, type ReadModelReader } from '@gongjian/projections';
import type { AuthenticatedActor } from '../../../http/auth/api-key';
import { readVersionPage } from '../../../read-side/read-page';
import { RenderedViews, renderVersions } from '../../../read-side/rendered-views';
import { SerializedPage, serializeView } from '../../../read-side/serialized-page';
import { awaitPosition } from '../../../read-side/read-your-writes';
import { townshipFilter } from '../../../read-side/township-scope.filter';
import type { ListRatingsQueryDto } from './list-ratings.query.dto';
import { toRatingView } from './rating.view';

export class ListRatingsQuery {
  constructor(
    readonly filters: ListRatingsQueryDto,
    readonly actor: AuthenticatedActor,
  ) {}
}

/** Ratings by period, stars and township, in (period, organization) order. */
@QueryHandler(ListRatingsQuery)
export class ListRatingsHandler implements IQueryHandler<ListRatingsQuery> {
  private readonly views = new RenderedViews<Buffer>();

  constructor(@Inject(READ_MODEL_READER) private readonly reader: ReadModelReader) {}

  async execute({ filters, actor }: ListRatingsQuery) {
    await awaitPosition(this.reader, filters.minPosition);
    const ratings = await this.reader.collection('ratings', RATINGS);
    const page = await readVersionPage(
      ratings,
      {
        ...townshipFilter(actor, 'township', filters.township),
        ...(filters.period !== undefined && { period: filters.period }),
        ...(filters.stars !== undefined && { stars: filters.stars }),
      },
      filters,
    );
    // A rating reads the same on every day: no day in its version. Each carries its evidence
    // (~10 KB): kept serialized, so a page is not serialized again per request.
    const items = await renderVersions(this.views, page.items, ratings, '', (document) =>
      serializeView(toRatingView(document)),
    );
    return new SerializedPage(items, page.nextCursor);
  }
}
