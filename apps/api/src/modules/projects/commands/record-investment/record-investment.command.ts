import { CommandMetadata } from '@gongjian/write-side';
import { RecordInvestmentRequestDto } from './record-investment.request.dto';

export class RecordInvestmentCommand {
  constructor(
    readonly projectId: string,
    readonly body: RecordInvestmentRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
