import { CommandMetadata } from '@gongjian/write-side';
import { DissolvePairingRequestDto } from './dissolve-pairing.request.dto';

export class DissolvePairingCommand {
  constructor(
    readonly pairingId: string,
    readonly body: DissolvePairingRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
