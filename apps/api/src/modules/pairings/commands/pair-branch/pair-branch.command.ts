import { CommandMetadata } from '@gongjian/write-side';
import { PairBranchRequestDto } from './pair-branch.request.dto';

export class PairBranchCommand {
  constructor(
    readonly body: PairBranchRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
