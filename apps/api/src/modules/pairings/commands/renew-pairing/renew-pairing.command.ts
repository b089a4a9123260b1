import { CommandMetadata } from '@gongjian/write-side';
import { RenewPairingRequestDto } from './renew-pairing.request.dto';

export class RenewPairingCommand {
  constructor(
    readonly pairingId: string,
    readonly body: RenewPairingRequestDto,
    readonly metadata: CommandMetadata,
  ) {}
}
