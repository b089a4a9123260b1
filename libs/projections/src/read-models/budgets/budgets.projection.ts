import type { RecordedEvent } from '@gongjian/event-store';
import type { ReadDocument } from '@gongjian/read-store';
import { budgetDecider, BudgetEvent, BudgetState, OpenBudgetState } from '@gongjian/domain';
import type { ReadModelProjection } from '../../projection.definition';
import { skippingApplied } from '../shared/position-guard';

export const BUDGETS = 'budgets';

const STREAM_PREFIX = 'budget-';
const TYPES: ReadonlySet<string> = new Set([
  'BudgetOpened',
  'BudgetIncreased',
  'BudgetReduced',
  'AllocationReserved',
  'AllocationReleased',
  'OrphanReservationReleased',
  'MissingReleaseRecorded',
]);

/** One document per budget pool: pool, reserved, available and what each allocation holds. */
export const budgetsProjection: ReadModelProjection = {
  name: 'budgets',
  version: 1,
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
  },
  touches: (event) =>
    event.streamId.startsWith(STREAM_PREFIX) && TYPES.has(event.type)
      ? [{ collection: BUDGETS, id: event.streamId.slice(STREAM_PREFIX.length) }]
      : [],
  apply: skippingApplied((current, event) => {
    const before = (current?.state as BudgetState | undefined) ?? { status: 'none' };
    const state = budgetDecider.evolve(before, {
      type: event.type,
      data: event.data,
    } as BudgetEvent);
    return state.status === 'open' ? budgetDocument(state, event) : null;
  }),
};

function budgetDocument(s: OpenBudgetState, event: RecordedEvent): ReadDocument {
  return {
    _id: s.budgetId,
    _pos: event.position,
    revision: event.revision,
    id: s.budgetId,
    year: s.year,
    source: s.source,
    ...(s.issuerOrganizationId !== undefined && { issuerOrganizationId: s.issuerOrganizationId }),
    poolFen: s.poolFen,
    reservedFen: s.reservedFen,
    availableFen: s.poolFen - s.reservedFen,
    allocations: Object.entries(s.reservations).map(([allocationId, r]) => ({
      allocationId,
      recipientOrganizationId: r.recipientOrganizationId,
      purpose: r.purpose,
      reservedFen: r.currentFen,
    })),
    state: s,
  };
}
