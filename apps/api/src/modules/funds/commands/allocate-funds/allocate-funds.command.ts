import { CommandMetadata } from '../../../../write-side/command-metadata';
import { AllocateFundsRequestDto } from './allocate-funds.request.dto';

export class AllocateFundsCommand {
  constructor(
    readonly body: AllocateFundsRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
