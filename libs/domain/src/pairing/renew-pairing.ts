import { requireDate } from '../organization/input.guards';
import { RenewPairing } from './pairing.commands';
import { PairingRenewed } from './pairing.events';
import { termEntryOn } from './late-entry';
import { pairingNotActive, renewalEndNotLater } from './pairing.errors';
import { pairingRef, requirePairing } from './pairing.guards';
import { PairingState } from './pairing.state';

/**
 * Extends an active pairing's term to a later end; also one whose term ended no more than
 * `lateEntryGraceDays` ago (a renewal signed in time, entered late, marked so), never a
 * dissolved one.
 */
export function renewPairing(command: RenewPairing, state: PairingState): PairingRenewed[] {
  const { data, context } = command;
  const pairing = requirePairing(state, data.pairingId);
  const entry = termEntryOn(pairing, context.today, data.lateEntryGraceDays ?? 0);
  if (entry !== 'active' && entry !== 'late_entry') throw pairingNotActive(pairing.id, entry);
  const endsOn = requireDate(data.endsOn, 'endsOn');
  if (endsOn <= pairing.endsOn) throw renewalEndNotLater(endsOn, pairing.endsOn);
  return [
    {
      type: 'PairingRenewed',
      data: {
        ...pairingRef(pairing),
        previousEndsOn: pairing.endsOn,
        endsOn,
        ...(entry === 'late_entry' && { enteredLate: true as const }),
      },
    },
  ];
}
