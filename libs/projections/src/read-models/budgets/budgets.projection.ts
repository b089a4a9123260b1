import type { RecordedEvent } from '@gongjian/event-store';
import type { ReadDocument } from '@gongjian/read-store';
import type { BudgetEvent } from '@gongjian/domain';
import type { DocumentRef, ReadModelProjection } from '../../projection.definition';
import { skippingApplied } from '../shared/position-guard';

export const BUDGETS = 'budgets';
/** What each allocation holds of its budget, one document per allocation. */
export const BUDGET_RESERVATIONS = 'budget_reservations';

const STREAM_PREFIX = 'budget-';
const POOL_TYPES: ReadonlySet<string> = new Set([
  'BudgetOpened',
  'BudgetIncreased',
  'BudgetReduced',
]);
const RESERVATION_TYPES: ReadonlySet<string> = new Set([
  'AllocationReserved',
  'AllocationReleased',
  'OrphanReservationReleased',
  'MissingReleaseRecorded',
]);

/**
 * One document per budget pool (pool, reserved, available) and one per reservation. Every budget
 * event carries the totals after it, so no event rewrites more than those two documents: a
 * budget with ten thousand allocations costs each command what a new one does.
 */
export const budgetsProjection: ReadModelProjection = {
  name: 'budgets',
  version: 2,
  collections: {
    [BUDGETS]: [
      {
        fields: [
          ['year', 1],
          ['_id', 1],
        ],
      },
      {
        fields: [
          ['source', 1],
          ['_id', 1],
        ],
      },
    ],
    [BUDGET_RESERVATIONS]: [
      {
        fields: [
          ['budgetId', 1],
          ['reservedPosition', 1],
        ],
      },
    ],
  },
  touches(event) {
    if (!event.streamId.startsWith(STREAM_PREFIX)) return [];
    const budget: DocumentRef = {
      collection: BUDGETS,
      id: event.streamId.slice(STREAM_PREFIX.length),
    };
    if (POOL_TYPES.has(event.type)) return [budget];
    if (!RESERVATION_TYPES.has(event.type)) return [];
    const { allocationId } = event.data as { allocationId: string };
    return [budget, { collection: BUDGET_RESERVATIONS, id: allocationId }];
  },
  apply: skippingApplied((current, event, ref) => {
    const budgetEvent = { type: event.type, data: event.data } as BudgetEvent;
    return ref.collection === BUDGETS
      ? budgetDocument(current, budgetEvent, event)
      : reservationDocument(current, budgetEvent, event);
  }),
};

function budgetDocument(
  current: ReadDocument | undefined,
  e: BudgetEvent,
  event: RecordedEvent,
): ReadDocument | null {
  if (e.type === 'BudgetOpened') {
    const { budgetId, year, source, issuerOrganizationId, amountFen } = e.data;
    return pool(
      {
        _id: budgetId,
        _pos: event.position,
        revision: event.revision,
        id: budgetId,
        year,
        source,
        ...(issuerOrganizationId !== undefined && { issuerOrganizationId }),
      },
      amountFen,
      0,
    );
  }
  if (current === undefined) return null;
  const at = { ...current, _pos: event.position, revision: event.revision };
  switch (e.type) {
    case 'BudgetIncreased':
      return pool(at, e.data.poolFen, current.reservedFen as number);
    case 'BudgetReduced':
    case 'AllocationReserved':
      return pool(at, e.data.poolFen, e.data.reservedFen);
    default:
      return pool(at, current.poolFen as number, e.data.reservedFen);
  }
}

const pool = (document: ReadDocument, poolFen: number, reservedFen: number): ReadDocument => ({
  ...document,
  poolFen,
  reservedFen,
  availableFen: poolFen - reservedFen,
});

function reservationDocument(
  current: ReadDocument | undefined,
  e: BudgetEvent,
  event: RecordedEvent,
): ReadDocument | null {
  switch (e.type) {
    case 'AllocationReserved': {
      const { budgetId, allocationId, recipientOrganizationId, purpose, amountFen } = e.data;
      return {
        _id: allocationId,
        _pos: event.position,
        budgetId,
        allocationId,
        recipientOrganizationId,
        purpose,
        reservedFen: amountFen,
        reservedPosition: event.position,
      };
    }
    case 'AllocationReleased':
    case 'MissingReleaseRecorded':
      return current === undefined
        ? null
        : {
            ...current,
            _pos: event.position,
            reservedFen: (current.reservedFen as number) - e.data.amountFen,
          };
    case 'OrphanReservationReleased':
      return null;
    default:
      return current ?? null;
  }
}
