import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RecordMemberCount } from '@gongjian/domain';
import { CommandResult } from '../../../../write-side/command-result';
import { DecisionRunner } from '../../../../write-side/decision-runner';
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
