import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { organizationDecider, organizationStreamId, RegisterOrganization } from '@gongjian/domain';
import { assertInScope } from '../../../../http/auth/township-scope';
import { CommandResult, DecisionRunner, domainCommand, resourceIdFor } from '@gongjian/write-side';
import { loadOrganization } from '../../known-organization';
import { RegisterOrganizationCommand } from './register-organization.command';

@CommandHandler(RegisterOrganizationCommand)
export class RegisterOrganizationHandler implements ICommandHandler<RegisterOrganizationCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  async execute({ body, metadata }: RegisterOrganizationCommand): Promise<CommandResult> {
    assertInScope(metadata.actor, body.township);
    const parent =
      body.parentId === undefined ? undefined : await loadOrganization(this.runner, body.parentId);
    const id = body.id ?? resourceIdFor(metadata.commandId, 'organization');
    return this.runner.run({
      id,
      streamId: organizationStreamId(id),
      decider: organizationDecider,
      metadata,
      command: () =>
        domainCommand<RegisterOrganization>(
          'RegisterOrganization',
          {
            ...body,
            id,
            ...(parent && { parent: { sector: parent.sector, township: parent.township } }),
          },
          metadata,
        ),
    });
  }
}
