import { CommandMetadata } from '@gongjian/write-side';
import { CancelAllocationRequestDto } from './cancel-allocation.request.dto';

export class CancelAllocationCommand {
  constructor(
    readonly allocationId: string,
    readonly body: CancelAllocationRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
