import { CommandMetadata } from '@gongjian/write-side';
import { EndAssignmentRequestDto } from '../shared/end-assignment.request.dto';

export class EndFirstSecretaryCommand {
  constructor(
    readonly organizationId: string,
    readonly body: EndAssignmentRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
