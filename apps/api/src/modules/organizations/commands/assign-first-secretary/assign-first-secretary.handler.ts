import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AssignFirstSecretary } from '@gongjian/domain';
import { CommandResult, DecisionRunner } from '@gongjian/write-side';
import { loadOrganization } from '../../known-organization';
import { changeOrganization } from '../organization-change';
import { AssignFirstSecretaryCommand } from './assign-first-secretary.command';

@CommandHandler(AssignFirstSecretaryCommand)
export class AssignFirstSecretaryHandler implements ICommandHandler<AssignFirstSecretaryCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  async execute({
    organizationId,
    body,
    metadata,
  }: AssignFirstSecretaryCommand): Promise<CommandResult> {
    if (body.fromOrganizationId !== undefined) {
      await loadOrganization(this.runner, body.fromOrganizationId);
    }
    return changeOrganization<AssignFirstSecretary>(
      this.runner,
      organizationId,
      'AssignFirstSecretary',
      { organizationId, ...body },
      metadata,
    );
  }
}
