import { Module } from '@nestjs/common';
import { DissolvePairingHandler } from './commands/dissolve-pairing/dissolve-pairing.handler';
import { LogActivityHandler } from './commands/log-activity/log-activity.handler';
import { PairBranchHandler } from './commands/pair-branch/pair-branch.handler';
import { RenewPairingHandler } from './commands/renew-pairing/renew-pairing.handler';
import { GetPairingHandler } from './queries/get-pairing.handler';
import { PairingsController } from './pairings.controller';

@Module({
  controllers: [PairingsController],
  providers: [
    PairBranchHandler,
    LogActivityHandler,
    DissolvePairingHandler,
    RenewPairingHandler,
    GetPairingHandler,
  ],
})
export class PairingsModule {}
