import { Module } from '@nestjs/common';
import { ApplyForMembershipHandler } from './commands/apply-for-membership/apply-for-membership.handler';
import { RecordStepHandler } from './commands/record-step/record-step.handler';
import { MembersController } from './members.controller';
import { GetMemberHandler } from './queries/get-member.handler';

@Module({
  controllers: [MembersController],
  providers: [ApplyForMembershipHandler, RecordStepHandler, GetMemberHandler],
})
export class MembersModule {}
