import { DomainError } from '@gongjian/domain';

/**
 * An earlier attempt of this very request (same Idempotency-Key) linked the pairing, failed to
 * create it, and undid the link: answering that attempt again would be wrong, redoing it under
 * the same key is impossible (its link is already spent), so the client resends with a new key.
 */
export const pairingRolledBack = (pairingId: string) =>
  new DomainError(
    'PAIRING_ROLLED_BACK',
    `an earlier attempt with this Idempotency-Key could not create pairing ${pairingId} and was rolled back; send the request again with a new Idempotency-Key`,
    { pairingId },
  );
