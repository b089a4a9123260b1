import { CommandMetadata } from '../../../../write-side/command-metadata';
import { RecordStepRequestDto } from './record-step.request.dto';

export class RecordStepCommand {
  constructor(
    readonly memberId: string,
    readonly body: RecordStepRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
