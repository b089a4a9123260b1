import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SetVillageCategories } from '@gongjian/domain';
import { CommandResult, DecisionRunner } from '@gongjian/write-side';
import { changeOrganization } from '../organization-change';
import { SetVillageCategoriesCommand } from './set-village-categories.command';

@CommandHandler(SetVillageCategoriesCommand)
export class SetVillageCategoriesHandler implements ICommandHandler<SetVillageCategoriesCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  execute({ organizationId, body, metadata }: SetVillageCategoriesCommand): Promise<CommandResult> {
    return changeOrganization<SetVillageCategories>(
      this.runner,
      organizationId,
      'SetVillageCategories',
      { organizationId, ...body },
      metadata,
    );
  }
}
