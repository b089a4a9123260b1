import { CommandMetadata } from '@gongjian/write-side';
import { EndFirstSecretaryRequestDto } from './end-first-secretary.request.dto';

export class EndFirstSecretaryCommand {
  constructor(
    readonly organizationId: string,
    readonly body: EndFirstSecretaryRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
