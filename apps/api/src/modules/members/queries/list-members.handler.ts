import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { MEMBERS, READ_MODEL_READER, type ReadModelReader } from '@gongjian/projections';
import type { Filter } from '@gongjian/read-store';
import type { AuthenticatedActor } from '../../../http/auth/api-key';
import {
  PERSONAL_DATA_CIPHER,
  PersonalDataCipher,
} from '../../../personal-data/personal-data.cipher';
import { readPage } from '../../../read-side/read-page';
import { awaitPosition } from '../../../read-side/read-your-writes';
import { townshipFilter } from '../../../read-side/township-scope.filter';
import { shanghaiDate } from '@gongjian/write-side';
import type { ListMembersQueryDto } from './list-members.query.dto';
import { memberDocumentView } from './member-documents';

export class ListMembersQuery {
  constructor(
    readonly filters: ListMembersQueryDto,
    readonly actor: AuthenticatedActor,
  ) {}
}

/** Members by organization, stage and overdue obligations (as of today, Asia/Shanghai). */
@QueryHandler(ListMembersQuery)
export class ListMembersHandler implements IQueryHandler<ListMembersQuery> {
  constructor(
    @Inject(READ_MODEL_READER) private readonly reader: ReadModelReader,
    @Inject(PERSONAL_DATA_CIPHER) private readonly cipher: PersonalDataCipher,
  ) {}

  async execute({ filters, actor }: ListMembersQuery) {
    await awaitPosition(this.reader, filters.minPosition);
    const today = shanghaiDate(new Date().toISOString());
    return readPage(
      await this.reader.collection('members', MEMBERS),
      {
        ...townshipFilter(actor, 'township'),
        ...(filters.organizationId !== undefined && { organizationId: filters.organizationId }),
        ...(filters.stage !== undefined && { stage: filters.stage }),
        ...overdueFilter(filters.overdue, today),
      },
      filters,
      (document) => memberDocumentView(document, today, actor.role, this.cipher),
    );
  }
}

/** Overdue: the earliest due date is before today (nothing due counts as due at the end of time). */
function overdueFilter(overdue: 'true' | 'false' | undefined, today: string): Filter {
  if (overdue === 'true') return { nextDueOn: { $lt: today } };
  if (overdue === 'false') return { nextDueOn: { $gte: today } };
  return {};
}
