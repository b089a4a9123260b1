import { CommandMetadata } from '../../../../write-side/command-metadata';
import { CompleteProjectRequestDto } from './complete-project.request.dto';

export class CompleteProjectCommand {
  constructor(
    readonly projectId: string,
    readonly body: CompleteProjectRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
