import { EventStore, Position } from '@gongjian/event-store';

/** A record an earlier version left half-done, and what repairing it will write. */
export type HalfDoneRecord =
  | {
      kind: 'link_without_pairing';
      organizationId: string;
      pairingId: string;
      urbanOrganizationId: string;
    }
  | {
      kind: 'pairing_without_link';
      organizationId: string;
      pairingId: string;
      urbanOrganizationId: string;
      startsOn: string;
      endsOn: string;
    }
  | {
      kind: 'reservation_without_allocation';
      budgetId: string;
      allocationId: string;
      amountFen: number;
    }
  | {
      kind: 'release_missing';
      budgetId: string;
      allocationId: string;
      releaseId: string;
      amountFen: number;
      /** The allocation event whose release the budget never recorded. */
      of: 'AllocationReduced' | 'AllocationCancelled';
    };

type Reservation = {
  budgetId: string;
  allocationId: string;
  currentFen: number;
  releaseIds: Set<string>;
};
type DueRelease = Extract<HalfDoneRecord, { kind: 'release_missing' }>;

const PAGE = 1_000;

/**
 * One pass over the whole log (a maintenance check, not a request path), keeping only what the
 * check needs per pairing, link, reservation and allocation. Versions that wrote the two streams
 * of a command one after the other could leave: a link on a rural organization whose pairing was
 * never created, a pairing whose link was undone while it was being written, a reservation on a budget whose allocation was never opened, and a reduction
 * or cancellation of an allocation that the budget never released.
 */
export async function findHalfDoneRecords(store: EventStore): Promise<HalfDoneRecord[]> {
  const pairings = new Map<
    string,
    { rural: string; urban: string; startsOn: string; endsOn: string; dissolved: boolean }
  >();
  const links = new Map<string, Extract<HalfDoneRecord, { kind: 'link_without_pairing' }>>();
  const allocations = new Set<string>();
  const reservations = new Map<string, Reservation>();
  const due: DueRelease[] = [];

  let from: Position | undefined;
  for (;;) {
    const page = await store.readAll({ fromPosition: from, limit: PAGE });
    for (const { type, data } of page) {
      const d = data as Record<string, string> & { amountFen: number; releasedFen: number };
      switch (type) {
        case 'BranchPaired':
          pairings.set(d.pairingId, {
            rural: d.ruralOrganizationId,
            urban: d.urbanOrganizationId,
            startsOn: d.startsOn,
            endsOn: d.endsOn,
            dissolved: false,
          });
          break;
        case 'PairingRenewed': {
          const pairing = pairings.get(d.pairingId);
          if (pairing) pairing.endsOn = d.endsOn;
          break;
        }
        case 'PairingDissolved': {
          const pairing = pairings.get(d.pairingId);
          if (pairing) pairing.dissolved = true;
          break;
        }
        case 'PairingLinked':
        case 'PairingLinkRestored':
          links.set(`${d.organizationId}|${d.pairingId}`, {
            kind: 'link_without_pairing',
            organizationId: d.organizationId,
            pairingId: d.pairingId,
            urbanOrganizationId: d.urbanOrganizationId,
          });
          break;
        case 'PairingUnlinked':
        case 'OrphanPairingLinkRemoved':
          links.delete(`${d.organizationId}|${d.pairingId}`);
          break;
        case 'AllocationOpened':
          allocations.add(d.allocationId);
          break;
        case 'AllocationReserved':
          reservations.set(`${d.budgetId}|${d.allocationId}`, {
            budgetId: d.budgetId,
            allocationId: d.allocationId,
            currentFen: d.amountFen,
            releaseIds: new Set(),
          });
          break;
        case 'AllocationReleased':
        case 'MissingReleaseRecorded': {
          const reservation = reservations.get(`${d.budgetId}|${d.allocationId}`);
          if (!reservation) break;
          reservation.currentFen -= d.amountFen;
          reservation.releaseIds.add(d.releaseId);
          break;
        }
        case 'OrphanReservationReleased':
          reservations.delete(`${d.budgetId}|${d.allocationId}`);
          break;
        case 'AllocationReduced':
        case 'AllocationCancelled':
          due.push({
            kind: 'release_missing',
            budgetId: d.budgetId,
            allocationId: d.allocationId,
            releaseId: d.releaseId,
            amountFen: type === 'AllocationReduced' ? d.amountFen : d.releasedFen,
            of: type,
          });
          break;
      }
    }
    if (page.length < PAGE) break;
    from = page[page.length - 1].position;
  }

  const found: HalfDoneRecord[] = [...links.values()].filter((l) => !pairings.has(l.pairingId));
  for (const [pairingId, p] of pairings) {
    if (!p.dissolved && !links.has(`${p.rural}|${pairingId}`)) {
      found.push({
        kind: 'pairing_without_link',
        organizationId: p.rural,
        pairingId,
        urbanOrganizationId: p.urban,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
      });
    }
  }
  for (const r of reservations.values()) {
    if (!allocations.has(r.allocationId)) {
      found.push({
        kind: 'reservation_without_allocation',
        budgetId: r.budgetId,
        allocationId: r.allocationId,
        amountFen: r.currentFen,
      });
    }
  }
  for (const release of due) {
    const reservation = reservations.get(`${release.budgetId}|${release.allocationId}`);
    if (reservation && !reservation.releaseIds.has(release.releaseId) && release.amountFen > 0) {
      found.push(release);
    }
  }
  return found;
}
