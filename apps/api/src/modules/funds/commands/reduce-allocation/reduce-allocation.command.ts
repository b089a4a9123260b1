import { CommandMetadata } from '@gongjian/write-side';
import { ReduceAllocationRequestDto } from './reduce-allocation.request.dto';

export class ReduceAllocationCommand {
  constructor(
    readonly allocationId: string,
    readonly body: ReduceAllocationRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
