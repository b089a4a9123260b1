import { CommandMetadata } from '../../../../write-side/command-metadata';
import { PairBranchRequestDto } from './pair-branch.request.dto';

export class PairBranchCommand {
  constructor(
    readonly body: PairBranchRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
