import { CommandMetadata } from '../../../../write-side/command-metadata';
import { CancelAllocationRequestDto } from './cancel-allocation.request.dto';

export class CancelAllocationCommand {
  constructor(
    readonly allocationId: string,
    readonly body: CancelAllocationRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
