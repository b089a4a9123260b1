import { Module } from '@nestjs/common';
import { AppConfig } from '@gongjian/config';
import { APP_CONFIG } from '../../bootstrap/app-config.token';
import { loadOfficialCalendar } from './calendar/official-calendar.source';
import { OFFICIAL_CALENDAR } from './calendar/official-calendar.token';
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
    {
      provide: OFFICIAL_CALENDAR,
      useFactory: (config: AppConfig) => loadOfficialCalendar(config),
      inject: [APP_CONFIG],
    },
    ListMembersHandler,
    MemberStatisticsHandler,
  ],
})
export class MembersModule {}
