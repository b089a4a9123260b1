import { Module } from '@nestjs/common';
import { ApplyForMembershipHandler } from './commands/apply-for-membership/apply-for-membership.handler';
import { RecordStepHandler } from './commands/record-step/record-step.handler';
import { MemberQueriesController } from './member-queries.controller';
import { MembersController } from './members.controller';
import { GetMemberHandler } from './queries/get-member.handler';
import { ListMembersHandler } from './queries/list-members.handler';
import { MemberStatisticsHandler } from './queries/member-statistics.handler';

@Module({
  controllers: [MembersController, MemberQueriesController],
  providers: [
    ApplyForMembershipHandler,
    RecordStepHandler,
    GetMemberHandler,
    ListMembersHandler,
    MemberStatisticsHandler,
  ],
})
export class MembersModule {}
