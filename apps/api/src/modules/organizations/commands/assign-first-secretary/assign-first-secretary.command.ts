import { CommandMetadata } from '@gongjian/write-side';
import { AssignFirstSecretaryRequestDto } from './assign-first-secretary.request.dto';

export class AssignFirstSecretaryCommand {
  constructor(
    readonly organizationId: string,
    readonly body: AssignFirstSecretaryRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
