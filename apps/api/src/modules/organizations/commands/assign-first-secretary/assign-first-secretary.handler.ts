import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AssignFirstSecretary } from '@gongjian/domain';
import { CommandResult, DecisionRunner } from '@gongjian/write-side';
import { changeOrganization } from '../organization-change';
import { AssignFirstSecretaryCommand } from './assign-first-secretary.command';

@CommandHandler(AssignFirstSecretaryCommand)
export class AssignFirstSecretaryHandler implements ICommandHandler<AssignFirstSecretaryCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  execute({ organizationId, body, metadata }: AssignFirstSecretaryCommand): Promise<CommandResult> {
    return changeOrganization<AssignFirstSecretary>(
      this.runner,
      organizationId,
      'AssignFirstSecretary',
      { organizationId, ...body },
      metadata,
    );
  }
}
