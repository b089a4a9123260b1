import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EndResidentWorkTeam } from '@gongjian/domain';
import { CommandResult, DecisionRunner } from '@gongjian/write-side';
import { changeOrganization } from '../organization-change';
import { EndWorkTeamCommand } from './end-work-team.command';

/** 404 WORK_TEAM_NOT_FOUND for a team the organization never had. */
@CommandHandler(EndWorkTeamCommand)
export class EndWorkTeamHandler implements ICommandHandler<EndWorkTeamCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  execute({ organizationId, teamId, body, metadata }: EndWorkTeamCommand): Promise<CommandResult> {
    return changeOrganization<EndResidentWorkTeam>(
      this.runner,
      organizationId,
      'EndResidentWorkTeam',
      { organizationId, teamId, ...body },
      metadata,
    );
  }
}
