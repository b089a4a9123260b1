import { CommandMetadata } from '../../../../write-side/command-metadata';
import { RecordDisbursementRequestDto } from './record-disbursement.request.dto';

export class RecordDisbursementCommand {
  constructor(
    readonly allocationId: string,
    readonly body: RecordDisbursementRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
