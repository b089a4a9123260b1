import { requireDate } from '../organization/input.guards';
import { RenewPairing } from './pairing.commands';
import { renewalEndNotLater } from './pairing.errors';
import { PairingRenewed } from './pairing.events';
import { pairingRef, requireActiveOn, requirePairing } from './pairing.guards';
import { PairingState } from './pairing.state';

/** Extends an active pairing's term to a later end. */
export function renewPairing(command: RenewPairing, state: PairingState): PairingRenewed[] {
  const { data, context } = command;
  const pairing = requirePairing(state, data.pairingId);
  requireActiveOn(pairing, context.today);
  const endsOn = requireDate(data.endsOn, 'endsOn');
  if (endsOn <= pairing.endsOn) throw renewalEndNotLater(endsOn, pairing.endsOn);
  return [
    {
      type: 'PairingRenewed',
      data: { ...pairingRef(pairing), previousEndsOn: pairing.endsOn, endsOn },
    },
  ];
}
