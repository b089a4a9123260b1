import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { organizationDecider, organizationStreamId, RegisterOrganization } from '@gongjian/domain';
import { assertInScope } from '../../../../http/auth/township-scope';
import {
  CommandResult,
  DecisionRunner,
  domainCommand,
  resourceIdFor,
  shanghaiDate,
  shanghaiMidnight,
} from '@gongjian/write-side';
import { InvalidInputError } from '../../../../http/validation/invalid-input.error';
import { loadOrganization } from '../../known-organization';
import { RegisterOrganizationCommand } from './register-organization.command';

@CommandHandler(RegisterOrganizationCommand)
export class RegisterOrganizationHandler implements ICommandHandler<RegisterOrganizationCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  async execute({ body, metadata }: RegisterOrganizationCommand): Promise<CommandResult> {
    assertInScope(metadata.actor, body.township);
    const { registeredOn, ...fields } = body;
    if (registeredOn !== undefined && registeredOn > shanghaiDate(metadata.now)) {
      throw new InvalidInputError([
        { field: 'registeredOn', message: 'registeredOn must not be after today' },
      ]);
    }
    const parent =
      body.parentId === undefined ? undefined : await loadOrganization(this.runner, body.parentId);
    // README: references lie in an operator's scope, the parent included.
    if (parent) assertInScope(metadata.actor, parent.township);
    const id = body.id ?? resourceIdFor(metadata.commandId, 'organization');
    return this.runner.run({
      id,
      streamId: organizationStreamId(id),
      decider: organizationDecider,
      metadata,
      // The registration's business date: an organization entered late counts from it.
      ...(registeredOn !== undefined && { occurredAt: shanghaiMidnight(registeredOn) }),
      command: () =>
        domainCommand<RegisterOrganization>(
          'RegisterOrganization',
          {
            ...fields,
            id,
            ...(parent && { parent: { sector: parent.sector, township: parent.township } }),
          },
          metadata,
        ),
    });
  }
}
