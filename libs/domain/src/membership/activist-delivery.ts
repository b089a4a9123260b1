/** An activist designation as ActivistDesignated records it: its date and the pairing named. */
export interface ActivistDesignationRef {
  on: string;
  /** The cultivating pairing (结对培养) the member named on application, if any. */
  pairingId?: string;
}

/** A pairing's term as it stands: from its start to its end, or to its dissolution. */
export interface PairingTermRef {
  pairingId: string;
  from: string;
  to: string;
}

/**
 * Whether an activist of a village counts in one of its pairings' delivered activists: an
 * activist whose member named a cultivating pairing counts for that pairing only; one who named
 * none counts for every pairing of the village whose term covers the designation date (both
 * ends included). A member counts once, by their first designation.
 */
export function activistDeliveredBy(
  designation: ActivistDesignationRef,
  pairing: PairingTermRef,
): boolean {
  if (designation.pairingId !== undefined) return designation.pairingId === pairing.pairingId;
  return designation.on >= pairing.from && designation.on <= pairing.to;
}
