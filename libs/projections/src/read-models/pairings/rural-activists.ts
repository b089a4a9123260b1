import type { RecordedEvent } from '@gongjian/event-store';
import type { ReadDocument } from '@gongjian/read-store';

export const RURAL_ACTIVISTS = 'rural_activists';

type Term = { from: string; to: string };

/**
 * Activists developed count as delivered by every pairing of the rural organization whose term
 * covers the designation date. Member events do not name a pairing, so this document (one per
 * rural organization) keeps the terms and the designations and counts them per pairing.
 */
export function activistsDocument(
  current: ReadDocument | undefined,
  event: RecordedEvent,
  organizationId: string,
): ReadDocument {
  const terms = { ...((current?.terms as Record<string, Term> | undefined) ?? {}) };
  const activists = { ...((current?.activists as Record<string, string> | undefined) ?? {}) };
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
      break;
  }
  const byPairing = Object.fromEntries(
    Object.entries(terms).map(([pairingId, term]) => [
      pairingId,
      Object.values(activists).filter((on) => on >= term.from && on <= term.to).length,
    ]),
  );
  return { _id: organizationId, _pos: event.position, terms, activists, byPairing };
}
