import { CommandMetadata } from '../../../../write-side/command-metadata';
import { SetVillageCategoriesRequestDto } from './set-village-categories.request.dto';

export class SetVillageCategoriesCommand {
  constructor(
    readonly organizationId: string,
    readonly body: SetVillageCategoriesRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
