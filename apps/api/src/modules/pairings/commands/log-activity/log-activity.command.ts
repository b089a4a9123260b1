import { CommandMetadata } from '../../../../write-side/command-metadata';
import { LogActivityRequestDto } from './log-activity.request.dto';

export class LogActivityCommand {
  constructor(
    readonly pairingId: string,
    readonly body: LogActivityRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
