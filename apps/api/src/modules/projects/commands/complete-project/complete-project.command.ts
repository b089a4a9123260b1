import { CommandMetadata } from '@gongjian/write-side';
import { CompleteProjectRequestDto } from './complete-project.request.dto';

export class CompleteProjectCommand {
  constructor(
    readonly projectId: string,
    readonly body: CompleteProjectRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
