import { Decider } from '../shared/decider';
import { dissolvePairing } from './dissolve-pairing';
import { logActivity } from './log-activity';
import { pairBranch } from './pair-branch';
import { PairingCommand } from './pairing.commands';
import { PairingEvent } from './pairing.events';
import { evolvePairing, evolvePairingInPlace } from './pairing.evolve';
import { PairingState, initialPairingState } from './pairing.state';
import { recordCommitmentDelivery } from './record-commitment-delivery';
import { renewPairing } from './renew-pairing';

export const pairingStreamId = (pairingId: string) => `pairing-${pairingId}`;

export function decidePairing(command: PairingCommand, state: PairingState): PairingEvent[] {
  switch (command.type) {
    case 'PairBranch':
      return pairBranch(command, state);
    case 'LogActivity':
      return logActivity(command, state);
    case 'DissolvePairing':
      return dissolvePairing(command, state);
    case 'RenewPairing':
      return renewPairing(command, state);
    case 'RecordCommitmentDelivery':
      return recordCommitmentDelivery(command, state);
  }
}

export const pairingDecider: Decider<PairingCommand, PairingState, PairingEvent> = {
  decide: decidePairing,
  evolve: evolvePairing,
  evolveInPlace: evolvePairingInPlace,
  initialState: initialPairingState,
};
