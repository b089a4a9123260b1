import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { READ_MODEL_READER, type ReadModelReader } from '@gongjian/projections';
import type { Filter } from '@gongjian/read-store';
import type { AuthenticatedActor } from '../../../http/auth/api-key';
import { shanghaiDate } from '@gongjian/write-side';
import { readVersionPage } from '../../../read-side/read-page';
import { awaitPosition } from '../../../read-side/read-your-writes';
import { townshipFilter } from '../../../read-side/township-scope.filter';
import type { ListPairingsQueryDto } from './list-pairings.query.dto';
import { pairingCollections } from './pairing-documents';
import { PairingViews } from './pairing-views';
import { SerializedPage } from '../../../read-side/serialized-page';

export class ListPairingsQuery {
  constructor(
    readonly filters: ListPairingsQueryDto,
    readonly actor: AuthenticatedActor,
  ) {}
}

/** Pairings by organization (either side), status on today and township (either side). */
@QueryHandler(ListPairingsQuery)
export class ListPairingsHandler implements IQueryHandler<ListPairingsQuery> {
  private readonly views = new PairingViews();

  constructor(@Inject(READ_MODEL_READER) private readonly reader: ReadModelReader) {}

  async execute({ filters, actor }: ListPairingsQuery) {
    await awaitPosition(this.reader, filters.minPosition);
    const { pairings, activists } = await pairingCollections(this.reader);
    const today = shanghaiDate(new Date().toISOString());
    const page = await readVersionPage(
      pairings,
      {
        ...townshipFilter(actor, 'townships', filters.township),
        ...(filters.organizationId !== undefined && { organizationIds: filters.organizationId }),
        ...statusFilter(filters.status, today),
      },
      filters,
    );
    return new SerializedPage(
      await this.views.serialized(page.items, pairings, activists, today),
      page.nextCursor,
    );
  }
}

/** `expired` is an active record whose term ended before today. */
function statusFilter(status: string | undefined, today: string): Filter {
  switch (status) {
    case 'active':
      return { recordStatus: 'active', endsOn: { $gte: today } };
    case 'expired':
      return { recordStatus: 'active', endsOn: { $lt: today } };
    case 'dissolved':
      return { recordStatus: 'dissolved' };
    default:
      return {};
  }
}
