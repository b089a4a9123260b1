import { CommandMetadata } from '@gongjian/write-side';
import { EndInstructorRequestDto } from './end-instructor.request.dto';

export class EndInstructorCommand {
  constructor(
    readonly organizationId: string,
    readonly instructorId: string,
    readonly body: EndInstructorRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
