import { CommandMetadata } from '@gongjian/write-side';
import { RecordFundingRequestDto } from './record-funding.request.dto';

export class RecordFundingCommand {
  constructor(
    readonly projectId: string,
    readonly body: RecordFundingRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
