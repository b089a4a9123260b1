import { requireDate, requireNotInFuture, requireText } from '../organization/input.guards';
import { DissolvePairing } from './pairing.commands';
import { dissolutionBeforeLastActivity, dissolutionBeforeStart } from './pairing.errors';
import { PairingDissolved } from './pairing.events';
import { pairingRef, requireActiveOn, requirePairing } from './pairing.guards';
import { PairingState } from './pairing.state';

/**
 * Ends an active pairing early; `on` is not in the future nor before its last activity, nor
 * before its term began. A pairing whose term has not begun is called off on the day it is (its
 * term never ran, so it counts in no year).
 */
export function dissolvePairing(command: DissolvePairing, state: PairingState): PairingDissolved[] {
  const { data, context } = command;
  const pairing = requirePairing(state, data.pairingId);
  requireActiveOn(pairing, context.today);
  const reason = requireText(data.reason, 'reason');
  const on = requireDate(data.on, 'on');
  requireNotInFuture(on, context.today, 'on');
  if (on < pairing.startsOn && pairing.startsOn <= context.today) {
    throw dissolutionBeforeStart(on, pairing.startsOn);
  }
  if (pairing.lastActivityOn !== undefined && on < pairing.lastActivityOn) {
    throw dissolutionBeforeLastActivity(on, pairing.lastActivityOn);
  }
  return [{ type: 'PairingDissolved', data: { ...pairingRef(pairing), reason, on } }];
}
