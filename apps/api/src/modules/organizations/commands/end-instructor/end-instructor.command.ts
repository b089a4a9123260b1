import { CommandMetadata } from '@gongjian/write-side';
import { EndAssignmentRequestDto } from '../shared/end-assignment.request.dto';

export class EndInstructorCommand {
  constructor(
    readonly organizationId: string,
    readonly instructorId: string,
    readonly body: EndAssignmentRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
