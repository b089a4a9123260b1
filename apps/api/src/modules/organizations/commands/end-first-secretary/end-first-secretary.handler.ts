import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EndFirstSecretary } from '@gongjian/domain';
import { CommandResult, DecisionRunner } from '@gongjian/write-side';
import { changeOrganization } from '../organization-change';
import { EndFirstSecretaryCommand } from './end-first-secretary.command';

/** 422 NO_FIRST_SECRETARY when none is assigned, END_BEFORE_START before the assignment began. */
@CommandHandler(EndFirstSecretaryCommand)
export class EndFirstSecretaryHandler implements ICommandHandler<EndFirstSecretaryCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  execute({ organizationId, body, metadata }: EndFirstSecretaryCommand): Promise<CommandResult> {
    return changeOrganization<EndFirstSecretary>(
      this.runner,
      organizationId,
      'EndFirstSecretary',
      { organizationId, ...body },
      metadata,
    );
  }
}
