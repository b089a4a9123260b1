import { CommandMetadata } from '@gongjian/write-side';
import { EndAssignmentRequestDto } from '../shared/end-assignment.request.dto';

export class EndWorkTeamCommand {
  constructor(
    readonly organizationId: string,
    readonly teamId: string,
    readonly body: EndAssignmentRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
