import { CommandMetadata } from '@gongjian/write-side';
import { LogActivityRequestDto } from './log-activity.request.dto';

export class LogActivityCommand {
  constructor(
    readonly pairingId: string,
    readonly body: LogActivityRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
