import { pairingNotActive, pairingNotFound } from '../pairing/pairing.errors';
import { PairingSummary } from '../pairing/pairing.summary';
import { pairingStatusOn } from '../pairing/pairing.state';
import { membershipError } from './membership.errors';

/**
 * A member may name the pairing that cultivates them (结对培养): then the activists they become
 * count as delivered by that pairing only. The pairing must be in force on the application
 * date's today and be a pairing of the member's own village or community branch.
 */
export function requireCultivatingPairing(
  pairing: PairingSummary,
  organizationId: string,
  today: string,
): void {
  if (!pairing.exists) throw pairingNotFound(pairing.id);
  const status = pairingStatusOn(pairing, today);
  if (status !== 'active') throw pairingNotActive(pairing.id, status);
  if (pairing.ruralOrganizationId !== organizationId) {
    throw membershipError(
      'PAIRING_NOT_OF_ORGANIZATION',
      `pairing ${pairing.id} pairs ${pairing.ruralOrganizationId}, not the member's organization ${organizationId}`,
      { pairingId: pairing.id, organizationId, ruralOrganizationId: pairing.ruralOrganizationId },
    );
  }
}
