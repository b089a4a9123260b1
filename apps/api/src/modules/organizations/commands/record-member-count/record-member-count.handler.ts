import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RecordMemberCount } from '@gongjian/domain';
import { CommandResult, DecisionRunner } from '@gongjian/write-side';
import { changeOrganization } from '../organization-change';
import { RecordMemberCountCommand } from './record-member-count.command';

@CommandHandler(RecordMemberCountCommand)
export class RecordMemberCountHandler implements ICommandHandler<RecordMemberCountCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  execute({ organizationId, body, metadata }: RecordMemberCountCommand): Promise<CommandResult> {
    return changeOrganization<RecordMemberCount>(
      this.runner,
      organizationId,
      'RecordMemberCount',
      { organizationId, ...body },
      metadata,
    );
  }
}
