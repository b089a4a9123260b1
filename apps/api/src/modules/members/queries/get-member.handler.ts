import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@gongjian/domain';
import { MEMBERS, READ_MODEL_READER, type ReadModelReader } from '@gongjian/projections';
import type { AuthenticatedActor } from '../../../http/auth/api-key';
import {
  PERSONAL_DATA_CIPHER,
  PersonalDataCipher,
} from '../../../personal-data/personal-data.cipher';
import { awaitPosition } from '../../../read-side/read-your-writes';
import { assertReadableBy } from '../../../read-side/township-scope.filter';
import { shanghaiDate } from '@gongjian/write-side';
import { memberDocumentView } from './member-documents';

export class GetMemberQuery {
  constructor(
    readonly memberId: string,
    readonly actor: AuthenticatedActor,
    readonly minPosition?: string,
  ) {}
}

/**
 * One member: stage, history and the obligations due as of today (Asia/Shanghai), flagged when
 * overdue; personal data masked for inspectors. Operators read members of their townships.
 */
@QueryHandler(GetMemberQuery)
export class GetMemberHandler implements IQueryHandler<GetMemberQuery> {
  constructor(
    @Inject(READ_MODEL_READER) private readonly reader: ReadModelReader,
    @Inject(PERSONAL_DATA_CIPHER) private readonly cipher: PersonalDataCipher,
  ) {}

  async execute({ memberId, actor, minPosition }: GetMemberQuery) {
    await awaitPosition(this.reader, minPosition);
    const members = await this.reader.collection('members', MEMBERS);
    const member = await members.findById(memberId);
    if (!member) throw new NotFoundError('member', memberId);
    const township = member.township as string | undefined;
    assertReadableBy(actor, township === undefined ? [] : [township]);
    const today = shanghaiDate(new Date().toISOString());
    return memberDocumentView(member, today, actor.role, this.cipher);
  }
}
