import { CommandMetadata } from '@gongjian/write-side';
import { SetVillageCategoriesRequestDto } from './set-village-categories.request.dto';

export class SetVillageCategoriesCommand {
  constructor(
    readonly organizationId: string,
    readonly body: SetVillageCategoriesRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
