import { CommandMetadata } from '@gongjian/write-side';
import { EndWorkTeamRequestDto } from './end-work-team.request.dto';

export class EndWorkTeamCommand {
  constructor(
    readonly organizationId: string,
    readonly teamId: string,
    readonly body: EndWorkTeamRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
