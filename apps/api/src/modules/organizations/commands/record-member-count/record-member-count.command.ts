import { CommandMetadata } from '@gongjian/write-side';
import { RecordMemberCountRequestDto } from './record-member-count.request.dto';

export class RecordMemberCountCommand {
  constructor(
    readonly organizationId: string,
    readonly body: RecordMemberCountRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
