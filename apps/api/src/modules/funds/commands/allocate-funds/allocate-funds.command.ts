import { CommandMetadata } from '@gongjian/write-side';
import { AllocateFundsRequestDto } from './allocate-funds.request.dto';

export class AllocateFundsCommand {
  constructor(
    readonly body: AllocateFundsRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
