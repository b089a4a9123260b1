import { pairingNotActive, pairingNotFound } from './pairing.errors';
import { Pairing, PairingState, pairingStatusOn } from './pairing.state';

export function requirePairing(state: PairingState, id: string): Pairing {
  if (!state.exists) throw pairingNotFound(id);
  return state;
}

export function requireActiveOn(pairing: Pairing, today: string): void {
  const status = pairingStatusOn(pairing, today);
  if (status !== 'active') throw pairingNotActive(pairing.id, status);
}

export const pairingRef = (pairing: Pairing) => ({
  pairingId: pairing.id,
  urbanOrganizationId: pairing.urbanOrganizationId,
  ruralOrganizationId: pairing.ruralOrganizationId,
});
