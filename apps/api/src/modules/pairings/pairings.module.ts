import { Module } from '@nestjs/common';
import { DissolvePairingHandler } from './commands/dissolve-pairing/dissolve-pairing.handler';
import { LogActivityHandler } from './commands/log-activity/log-activity.handler';
import { PairBranchHandler } from './commands/pair-branch/pair-branch.handler';
import { RenewPairingHandler } from './commands/renew-pairing/renew-pairing.handler';
import { GetPairingHandler } from './queries/get-pairing.handler';
import { ListPairingsHandler } from './queries/list-pairings.handler';
import { PairingQueriesController } from './pairing-queries.controller';
import { PairingsController } from './pairings.controller';
import { pairingRulesProvider } from './pairing-rules';

@Module({
  controllers: [PairingsController, PairingQueriesController],
  providers: [
    pairingRulesProvider,
    PairBranchHandler,
    LogActivityHandler,
    DissolvePairingHandler,
    RenewPairingHandler,
    GetPairingHandler,
    ListPairingsHandler,
  ],
})
export class PairingsModule {}
