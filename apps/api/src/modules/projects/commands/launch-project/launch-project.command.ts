import { CommandMetadata } from '../../../../write-side/command-metadata';
import { LaunchProjectRequestDto } from './launch-project.request.dto';

export class LaunchProjectCommand {
  constructor(
    readonly body: LaunchProjectRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
