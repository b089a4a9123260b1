import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { MEMBERS, READ_MODEL_READER, type ReadModelReader } from '@gongjian/projections';
import type { Filter } from '@gongjian/read-store';
import type { AuthenticatedActor } from '../../../http/auth/api-key';
import {
  PERSONAL_DATA_CIPHER,
  PersonalDataCipher,
} from '../../../personal-data/personal-data.cipher';
import { readVersionPage } from '../../../read-side/read-page';
import { RenderedViews, renderVersions } from '../../../read-side/rendered-views';
import { awaitPosition } from '../../../read-side/read-your-writes';
import { townshipFilter } from '../../../read-side/township-scope.filter';
import { shanghaiDate } from '@gongjian/write-side';
import type { ListMembersQueryDto } from './list-members.query.dto';
import { sealedMemberView } from './member-documents';
import { withPersonalData } from './member.view';

export class ListMembersQuery {
  constructor(
    readonly filters: ListMembersQueryDto,
    readonly actor: AuthenticatedActor,
  ) {}
}

/** Members by organization, stage and overdue obligations (as of today, Asia/Shanghai). */
@QueryHandler(ListMembersQuery)
export class ListMembersHandler implements IQueryHandler<ListMembersQuery> {
  /** Kept with identity numbers and phones sealed; they are opened per request. */
  private readonly views = new RenderedViews<ReturnType<typeof sealedMemberView>>();

  constructor(
    @Inject(READ_MODEL_READER) private readonly reader: ReadModelReader,
    @Inject(PERSONAL_DATA_CIPHER) private readonly cipher: PersonalDataCipher,
  ) {}

  async execute({ filters, actor }: ListMembersQuery) {
    await awaitPosition(this.reader, filters.minPosition);
    const today = shanghaiDate(new Date().toISOString());
    const members = await this.reader.collection('members', MEMBERS);
    const page = await readVersionPage(
      members,
      {
        ...townshipFilter(actor, 'township'),
        ...(filters.organizationId !== undefined && { organizationId: filters.organizationId }),
        ...(filters.partnerOrganizationId !== undefined && {
          partnerOrganizationId: filters.partnerOrganizationId,
        }),
        ...(filters.stage !== undefined && { stage: filters.stage }),
        ...overdueFilter(filters.overdue, today),
      },
      filters,
    );
    const views = await renderVersions(this.views, page.items, members, today, (document) =>
      sealedMemberView(document, today),
    );
    return {
      items: views.map((view) => withPersonalData(view, actor.role, this.cipher)),
      nextCursor: page.nextCursor,
    };
  }
}

/** Overdue: the earliest due date is before today (nothing due counts as due at the end of time). */
function overdueFilter(overdue: 'true' | 'false' | undefined, today: string): Filter {
  if (overdue === 'true') return { nextDueOn: { $lt: today } };
  if (overdue === 'false') return { nextDueOn: { $gte: today } };
  return {};
}
