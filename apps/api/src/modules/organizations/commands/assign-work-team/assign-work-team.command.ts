import { CommandMetadata } from '@gongjian/write-side';
import { AssignWorkTeamRequestDto } from './assign-work-team.request.dto';

export class AssignWorkTeamCommand {
  constructor(
    readonly organizationId: string,
    readonly body: AssignWorkTeamRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
