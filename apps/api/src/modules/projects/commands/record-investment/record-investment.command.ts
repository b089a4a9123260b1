import { CommandMetadata } from '../../../../write-side/command-metadata';
import { RecordInvestmentRequestDto } from './record-investment.request.dto';

export class RecordInvestmentCommand {
  constructor(
    readonly projectId: string,
    readonly body: RecordInvestmentRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
