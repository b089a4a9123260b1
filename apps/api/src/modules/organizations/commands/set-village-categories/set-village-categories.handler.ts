import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SetVillageCategories } from '@gongjian/domain';
import {
  CommandResult,
  DecisionRunner,
  shanghaiDate,
  shanghaiMidnight,
} from '@gongjian/write-side';
import { InvalidInputError } from '../../../../http/validation/invalid-input.error';
import { changeOrganization } from '../organization-change';
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
    return changeOrganization<SetVillageCategories>(
      this.runner,
      organizationId,
      'SetVillageCategories',
      { organizationId, ...fields },
      metadata,
      on === undefined ? undefined : shanghaiMidnight(on),
    );
  }
}
