import { CommandMetadata } from '@gongjian/write-side';
import { LaunchProjectRequestDto } from './launch-project.request.dto';

export class LaunchProjectCommand {
  constructor(
    readonly body: LaunchProjectRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
