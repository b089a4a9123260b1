import { CommandMetadata } from '@gongjian/write-side';
import { AssignInstructorRequestDto } from './assign-instructor.request.dto';

export class AssignInstructorCommand {
  constructor(
    readonly organizationId: string,
    readonly body: AssignInstructorRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
