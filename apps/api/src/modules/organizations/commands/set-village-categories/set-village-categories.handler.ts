import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  NotFoundError,
  organizationDecider,
  organizationStreamId,
  SetVillageCategories,
} from '@gongjian/domain';
import {
  CommandResult,
  DecisionRunner,
  domainCommand,
  shanghaiDate,
  shanghaiMidnight,
} from '@gongjian/write-side';
import { assertInScope } from '../../../../http/auth/township-scope';
import { InvalidInputError } from '../../../../http/validation/invalid-input.error';
import { SetVillageCategoriesCommand } from './set-village-categories.command';

/**
 * 404 for an organization never registered, 403 outside the operator's townships. `on` is the
 * day the categories take effect, the event's business date (default today, never after it): a
 * year's reports and star ratings take the categories as they stood at its end.
 */
@CommandHandler(SetVillageCategoriesCommand)
export class SetVillageCategoriesHandler implements ICommandHandler<SetVillageCategoriesCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  execute({ organizationId, body, metadata }: SetVillageCategoriesCommand): Promise<CommandResult> {
    const { on, ...fields } = body;
    if (on !== undefined && on > shanghaiDate(metadata.now)) {
      throw new InvalidInputError([{ field: 'on', message: 'on must not be after today' }]);
    }
    return this.runner.run({
      id: organizationId,
      streamId: organizationStreamId(organizationId),
      decider: organizationDecider,
      metadata,
      ...(on !== undefined && { occurredAt: shanghaiMidnight(on) }),
      command: (state) => {
        if (!state.exists) throw new NotFoundError('organization', organizationId);
        assertInScope(metadata.actor, state.township);
        return domainCommand<SetVillageCategories>(
          'SetVillageCategories',
          { organizationId, ...fields },
          metadata,
        );
      },
    });
  }
}
