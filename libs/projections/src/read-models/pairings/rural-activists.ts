import { activistDeliveredBy } from '@gongjian/domain';
import type { RecordedEvent } from '@gongjian/event-store';
import type { ReadDocument } from '@gongjian/read-store';

export const RURAL_ACTIVISTS = 'rural_activists';

type Term = { from: string; to: string };

/**
 * Activists developed count as delivered by the pairing that cultivates them when the member
 * named one (结对培养), otherwise by every pairing of the rural organization whose term covers
 * the designation date (the domain's rule, which star ratings apply too). This document (one per rural organization) keeps the terms, the
 * designations and the named pairings, and counts them per pairing.
 */
export function activistsDocument(
  current: ReadDocument | undefined,
  event: RecordedEvent,
  organizationId: string,
): ReadDocument {
  const terms = { ...((current?.terms as Record<string, Term> | undefined) ?? {}) };
  const activists = { ...((current?.activists as Record<string, string> | undefined) ?? {}) };
  const cultivatedBy = {
    ...((current?.cultivatedBy as Record<string, string> | undefined) ?? {}),
  };
  const data = event.data as Record<string, string>;
  switch (event.type) {
    case 'BranchPaired':
      terms[data.pairingId] = { from: data.startsOn, to: data.endsOn };
      break;
    case 'PairingRenewed':
      if (terms[data.pairingId])
        terms[data.pairingId] = { ...terms[data.pairingId], to: data.endsOn };
      break;
    case 'PairingDissolved':
      if (terms[data.pairingId]) terms[data.pairingId] = { ...terms[data.pairingId], to: data.on };
      break;
    case 'ActivistDesignated':
      activists[data.memberId] ??= data.on;
      if (data.pairingId !== undefined) cultivatedBy[data.memberId] ??= data.pairingId;
      break;
  }
  const byPairing = Object.fromEntries(
    Object.entries(terms).map(([pairingId, term]) => [
      pairingId,
      Object.entries(activists).filter(([memberId, on]) =>
        activistDeliveredBy({ on, pairingId: cultivatedBy[memberId] }, { pairingId, ...term }),
      ).length,
    ]),
  );
  return { _id: organizationId, _pos: event.position, terms, activists, cultivatedBy, byPairing };
}
