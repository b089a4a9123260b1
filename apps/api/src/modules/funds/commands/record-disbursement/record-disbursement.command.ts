import { CommandMetadata } from '@gongjian/write-side';
import { RecordDisbursementRequestDto } from './record-disbursement.request.dto';

export class RecordDisbursementCommand {
  constructor(
    readonly allocationId: string,
    readonly body: RecordDisbursementRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
