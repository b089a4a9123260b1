import { pairingNotActive, pairingNotFound } from '../pairing/pairing.errors';
import { PairingSummary } from '../pairing/pairing.summary';
import { termEntryOn } from '../pairing/late-entry';
import { fundsError } from './funds.errors';

/**
 * An allocation under a pairing counts as delivered against its agreement, so the pairing must
 * still be running (active, or within the late-entry grace after its term: money decided in the
 * term is often booked after it) and the money must go to one of its two organizations: the
 * village or community, or the urban organization carrying out the pairing's work there.
 */
export function requireAllocationPairing(
  pairing: PairingSummary,
  recipientOrganizationId: string,
  today: string,
  graceDays: number,
): void {
  if (!pairing.exists) throw pairingNotFound(pairing.id);
  const entry = termEntryOn(pairing, today, graceDays);
  if (entry !== 'active' && entry !== 'late_entry') throw pairingNotActive(pairing.id, entry);
  if (
    recipientOrganizationId !== pairing.ruralOrganizationId &&
    recipientOrganizationId !== pairing.urbanOrganizationId
  ) {
    throw fundsError(
      'ALLOCATION_RECIPIENT_NOT_IN_PAIRING',
      `organization ${recipientOrganizationId} is neither side of pairing ${pairing.id}`,
      {
        recipientOrganizationId,
        pairingId: pairing.id,
        ruralOrganizationId: pairing.ruralOrganizationId,
        urbanOrganizationId: pairing.urbanOrganizationId,
      },
    );
  }
}
