import { CommandMetadata } from '@gongjian/write-side';
import { RecordCollectiveIncomeRequestDto } from './record-collective-income.request.dto';

export class RecordCollectiveIncomeCommand {
  constructor(
    readonly organizationId: string,
    readonly body: RecordCollectiveIncomeRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
