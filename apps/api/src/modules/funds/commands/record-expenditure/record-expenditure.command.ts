import { CommandMetadata } from '@gongjian/write-side';
import { RecordExpenditureRequestDto } from './record-expenditure.request.dto';

export class RecordExpenditureCommand {
  constructor(
    readonly allocationId: string,
    readonly body: RecordExpenditureRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
