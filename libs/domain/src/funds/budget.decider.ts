/**
 * Budget pool (stream `budget-<budgetId>`): the authority for Σ allocated ≤ pool.
 *
 * Why allocations live in two streams: only this stream sees every allocation of the pool, so
 * the ceiling is enforced here under optimistic concurrency. Opening an allocation decides
 * AllocationReserved here and AllocationOpened on `allocation-<id>` together; a reduction or a
 * cancellation decides its AllocationReleased here with the allocation's event. Each pair is
 * appended atomically, so budget reserved = Σ allocations always holds. ReserveAllocation with
 * the same allocationId and amount and ReleaseAllocation with the same releaseId are no-ops the
 * second time.
 */
import { Decider } from '../shared/decider';
import { NotFoundError } from '../shared/domain-error';
import {
  BudgetCommand,
  IncreaseBudget,
  OpenBudget,
  ReduceBudget,
  ReleaseAllocation,
  ReserveAllocation,
} from './budget.commands';
import { BudgetEvent } from './budget.events';
import { fundsError } from './funds.errors';
import {
  requireFen,
  requirePurpose,
  requireSource,
  requireText,
  requireTotalWithinCeiling,
  requireYear,
} from './funds.guards';
import { FundPurpose, FundSource } from './funds.types';
import { assertPurposePermitted } from './party-dues-policy';
import { recordMissingRelease, releaseOrphanReservation } from './budget-repairs';

export type Reservation = {
  /** Amount first reserved (idempotency of ReserveAllocation). */
  reservedFen: number;
  /** Amount still reserved after releases. */
  currentFen: number;
  purpose: FundPurpose;
  recipientOrganizationId: string;
  releaseIds: string[];
};

export type OpenBudgetState = {
  status: 'open';
  budgetId: string;
  year: number;
  source: FundSource;
  issuerOrganizationId?: string;
  poolFen: number;
  reservedFen: number;
  reservations: Record<string, Reservation>;
};

export type BudgetState = { status: 'none' } | OpenBudgetState;

export const initialBudgetState = (): BudgetState => ({ status: 'none' });

export function ref(state: OpenBudgetState) {
  return {
    budgetId: state.budgetId,
    year: state.year,
    source: state.source,
    ...(state.issuerOrganizationId !== undefined && {
      issuerOrganizationId: state.issuerOrganizationId,
    }),
  };
}

export function requireOpen(state: BudgetState, budgetId: string): OpenBudgetState {
  if (state.status !== 'open') throw new NotFoundError('budget', budgetId);
  return state;
}

function open(command: OpenBudget, state: BudgetState): BudgetEvent[] {
  const { budgetId, year, source, amountFen, issuerOrganizationId } = command.data;
  if (state.status !== 'none') {
    throw fundsError('BUDGET_ALREADY_OPENED', `budget ${budgetId} is already open`, { budgetId });
  }
  requireText('budgetId', budgetId);
  requireYear(year);
  requireSource(source);
  requireFen('amountFen', amountFen, { allowZero: true });
  return [
    {
      type: 'BudgetOpened',
      data: {
        budgetId,
        year,
        source,
        ...(issuerOrganizationId !== undefined && { issuerOrganizationId }),
        amountFen,
      },
    },
  ];
}

function increase(command: IncreaseBudget, current: BudgetState): BudgetEvent[] {
  const state = requireOpen(current, command.data.budgetId);
  const { amountFen, reason } = command.data;
  requireFen('amountFen', amountFen);
  requireText('reason', reason);
  const poolFen = requireTotalWithinCeiling('poolFen', state.poolFen, amountFen);
  return [
    {
      type: 'BudgetIncreased',
      data: { ...ref(state), amountFen, reason, poolFen },
    },
  ];
}

/** Takes from the pool what is not allocated; what is allocated stays covered. */
function reduce(command: ReduceBudget, current: BudgetState): BudgetEvent[] {
  const state = requireOpen(current, command.data.budgetId);
  const { amountFen, reason } = command.data;
  requireFen('amountFen', amountFen);
  requireText('reason', reason);
  const poolFen = state.poolFen - amountFen;
  if (poolFen < state.reservedFen) {
    throw fundsError(
      'BUDGET_REDUCTION_BELOW_ALLOCATED',
      `budget ${state.budgetId} cannot lose ${amountFen} fen: ${state.reservedFen} fen of its ${state.poolFen} are allocated`,
      {
        budgetId: state.budgetId,
        poolFen: state.poolFen,
        reservedFen: state.reservedFen,
        availableFen: state.poolFen - state.reservedFen,
        requestedFen: amountFen,
      },
    );
  }
  return [
    {
      type: 'BudgetReduced',
      data: { ...ref(state), amountFen, reason, poolFen, reservedFen: state.reservedFen },
    },
  ];
}

function reserve(command: ReserveAllocation, current: BudgetState): BudgetEvent[] {
  const state = requireOpen(current, command.data.budgetId);
  const { allocationId, amountFen, purpose, recipientOrganizationId } = command.data;
  requireText('allocationId', allocationId);
  requireText('recipientOrganizationId', recipientOrganizationId);
  requireFen('amountFen', amountFen);
  requirePurpose(purpose);
  const existing = state.reservations[allocationId];
  if (existing) {
    if (existing.reservedFen === amountFen) return [];
    throw fundsError(
      'ALLOCATION_ALREADY_RESERVED',
      `allocation ${allocationId} is already reserved with another amount`,
      { allocationId, reservedFen: existing.reservedFen, requestedFen: amountFen },
    );
  }
  assertPurposePermitted(state.source, purpose);
  if (state.reservedFen + amountFen > state.poolFen) {
    throw fundsError('BUDGET_EXCEEDED', `budget ${state.budgetId} cannot cover ${amountFen} fen`, {
      budgetId: state.budgetId,
      poolFen: state.poolFen,
      reservedFen: state.reservedFen,
      availableFen: state.poolFen - state.reservedFen,
      requestedFen: amountFen,
    });
  }
  return [
    {
      type: 'AllocationReserved',
      data: {
        ...ref(state),
        allocationId,
        amountFen,
        purpose,
        recipientOrganizationId,
        reservedFen: state.reservedFen + amountFen,
        poolFen: state.poolFen,
      },
    },
  ];
}

function release(command: ReleaseAllocation, current: BudgetState): BudgetEvent[] {
  const state = requireOpen(current, command.data.budgetId);
  return releaseReservation(state, command.data, 'AllocationReleased');
}

/**
 * Gives back `amountFen` of an allocation's reservation under `releaseId`, once: a release
 * already applied (or of nothing) decides nothing. Shared by reductions, cancellations and the
 * repair that records a release an earlier version never wrote.
 */
export function releaseReservation(
  state: OpenBudgetState,
  request: { allocationId: string; releaseId: string; amountFen: number; reason: string },
  type: 'AllocationReleased' | 'MissingReleaseRecorded',
): BudgetEvent[] {
  const { allocationId, releaseId, amountFen, reason } = request;
  requireText('releaseId', releaseId);
  requireText('reason', reason);
  requireFen('amountFen', amountFen, { allowZero: true });
  const reservation = state.reservations[allocationId];
  if (!reservation) {
    throw fundsError('ALLOCATION_NOT_RESERVED', `allocation ${allocationId} has no reservation`, {
      allocationId,
    });
  }
  if (amountFen === 0 || reservation.releaseIds.includes(releaseId)) return [];
  if (amountFen > reservation.currentFen) {
    throw fundsError(
      'RELEASE_EXCEEDS_RESERVATION',
      `cannot release ${amountFen} fen: only ${reservation.currentFen} fen reserved`,
      { allocationId, currentFen: reservation.currentFen, requestedFen: amountFen },
    );
  }
  return [
    {
      type,
      data: {
        ...ref(state),
        allocationId,
        releaseId,
        amountFen,
        reason,
        recipientOrganizationId: reservation.recipientOrganizationId,
        reservedFen: state.reservedFen - amountFen,
      },
    },
  ];
}

function decide(command: BudgetCommand, state: BudgetState): BudgetEvent[] {
  switch (command.type) {
    case 'OpenBudget':
      return open(command, state);
    case 'IncreaseBudget':
      return increase(command, state);
    case 'ReduceBudget':
      return reduce(command, state);
    case 'ReserveAllocation':
      return reserve(command, state);
    case 'ReleaseAllocation':
      return release(command, state);
    case 'ReleaseOrphanReservation':
      return releaseOrphanReservation(command, requireOpen(state, command.data.budgetId));
    case 'RecordMissingRelease':
      return recordMissingRelease(command, requireOpen(state, command.data.budgetId));
  }
}

/**
 * Updates an open budget in place (the top-level object and its reservations map; a changed
 * reservation is replaced, never mutated): for a state its caller owns, so that a fold is linear.
 */
function evolveInPlace(state: BudgetState, event: BudgetEvent): BudgetState {
  if (event.type === 'BudgetOpened') {
    const { amountFen, ...rest } = event.data;
    return { status: 'open', ...rest, poolFen: amountFen, reservedFen: 0, reservations: {} };
  }
  if (state.status !== 'open') return state;
  switch (event.type) {
    case 'BudgetIncreased':
    case 'BudgetReduced':
      state.poolFen = event.data.poolFen;
      return state;
    case 'AllocationReserved': {
      const { allocationId, amountFen, purpose, recipientOrganizationId } = event.data;
      state.reservedFen = event.data.reservedFen;
      state.reservations[allocationId] = {
        reservedFen: amountFen,
        currentFen: amountFen,
        purpose,
        recipientOrganizationId,
        releaseIds: [],
      };
      return state;
    }
    case 'OrphanReservationReleased':
      state.reservedFen = event.data.reservedFen;
      delete state.reservations[event.data.allocationId];
      return state;
    case 'AllocationReleased':
    case 'MissingReleaseRecorded': {
      const { allocationId, amountFen, releaseId } = event.data;
      const reservation = state.reservations[allocationId];
      state.reservedFen = event.data.reservedFen;
      state.reservations[allocationId] = {
        ...reservation,
        currentFen: reservation.currentFen - amountFen,
        releaseIds: [...reservation.releaseIds, releaseId],
      };
      return state;
    }
  }
}

/** Pure: copies exactly what evolveInPlace may update. */
function evolve(state: BudgetState, event: BudgetEvent): BudgetState {
  const copy: BudgetState =
    state.status === 'open' ? { ...state, reservations: { ...state.reservations } } : state;
  return evolveInPlace(copy, event);
}

export const budgetDecider: Decider<BudgetCommand, BudgetState, BudgetEvent> = {
  decide,
  evolve,
  evolveInPlace,
  initialState: initialBudgetState,
};
