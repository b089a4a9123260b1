import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  PERSONAL_DATA_CIPHER,
  PersonalDataCipher,
} from '../../../personal-data/personal-data.cipher';
import { DecisionRunner, shanghaiDate } from '@gongjian/write-side';
import { loadMemberInScope } from '../member-stream';
import { GetMemberQuery } from './get-member.query';
import { toMemberView } from './member.view';

/**
 * Answered from the member's stream until the read models arrive: stage, history and the
 * obligations due as of today (Asia/Shanghai), flagged when overdue.
 */
@QueryHandler(GetMemberQuery)
export class GetMemberHandler implements IQueryHandler<GetMemberQuery> {
  constructor(
    private readonly runner: DecisionRunner,
    @Inject(PERSONAL_DATA_CIPHER) private readonly cipher: PersonalDataCipher,
  ) {}

  async execute({ memberId, actor }: GetMemberQuery) {
    const { member, revision } = await loadMemberInScope(this.runner, memberId, actor);
    const today = shanghaiDate(new Date().toISOString());
    return { ...toMemberView(member, today, actor.role, this.cipher), revision };
  }
}
