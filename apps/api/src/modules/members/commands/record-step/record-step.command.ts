import { CommandMetadata } from '@gongjian/write-side';
import { RecordStepRequestDto } from './record-step.request.dto';

export class RecordStepCommand {
  constructor(
    readonly memberId: string,
    readonly body: RecordStepRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
