import { CommandMetadata } from '@gongjian/write-side';
import { RecordOutputRequestDto } from './record-output.request.dto';

export class RecordOutputCommand {
  constructor(
    readonly projectId: string,
    readonly body: RecordOutputRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
