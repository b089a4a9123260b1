import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AssignResidentWorkTeam } from '@gongjian/domain';
import { CommandResult, DecisionRunner, resourceIdFor } from '@gongjian/write-side';
import { loadOrganization } from '../../known-organization';
import { changeOrganization } from '../organization-change';
import { AssignWorkTeamCommand } from './assign-work-team.command';

/** 驻村工作队 in a village or community (422 SECTOR_NOT_APPLICABLE elsewhere). Answers the (possibly assigned) id in `teamId`. */
@CommandHandler(AssignWorkTeamCommand)
export class AssignWorkTeamHandler implements ICommandHandler<AssignWorkTeamCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  async execute({
    organizationId,
    body,
    metadata,
  }: AssignWorkTeamCommand): Promise<CommandResult & { teamId: string }> {
    if (body.fromOrganizationId !== undefined) {
      await loadOrganization(this.runner, body.fromOrganizationId);
    }
    const teamId = body.teamId ?? resourceIdFor(metadata.commandId, 'work-team');
    const result = await changeOrganization<AssignResidentWorkTeam>(
      this.runner,
      organizationId,
      'AssignResidentWorkTeam',
      { organizationId, ...body, teamId },
      metadata,
    );
    return { ...result, teamId };
  }
}
