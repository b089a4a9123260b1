import { CommandMetadata } from '../../../../write-side/command-metadata';
import { RecordCollectiveIncomeRequestDto } from './record-collective-income.request.dto';

export class RecordCollectiveIncomeCommand {
  constructor(
    readonly organizationId: string,
    readonly body: RecordCollectiveIncomeRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
