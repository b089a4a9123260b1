import { CommandMetadata } from '../../../../write-side/command-metadata';
import { ReduceAllocationRequestDto } from './reduce-allocation.request.dto';

export class ReduceAllocationCommand {
  constructor(
    readonly allocationId: string,
    readonly body: ReduceAllocationRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
