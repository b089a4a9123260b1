import { requireDate, requireNotInFuture, requireText } from '../organization/input.guards';
import { DissolvePairing } from './pairing.commands';
import { dissolutionBeforeLastActivity } from './pairing.errors';
import { PairingDissolved } from './pairing.events';
import { pairingRef, requireActiveOn, requirePairing } from './pairing.guards';
import { PairingState } from './pairing.state';

/** Ends an active pairing early; `on` is not in the future nor before its last activity. */
export function dissolvePairing(command: DissolvePairing, state: PairingState): PairingDissolved[] {
  const { data, context } = command;
  const pairing = requirePairing(state, data.pairingId);
  requireActiveOn(pairing, context.today);
  const reason = requireText(data.reason, 'reason');
  const on = requireDate(data.on, 'on');
  requireNotInFuture(on, context.today, 'on');
  if (pairing.lastActivityOn !== undefined && on < pairing.lastActivityOn) {
    throw dissolutionBeforeLastActivity(on, pairing.lastActivityOn);
  }
  return [{ type: 'PairingDissolved', data: { ...pairingRef(pairing), reason, on } }];
}
