/**
 * Allocation (stream `allocation-<allocationId>`): disbursed ≤ allocated, spent ≤ disbursed (also
 * as of every date: nothing is spent before it was paid out), reductions never below what was
 * disbursed. The pool ceiling is the budget stream's job
 * (see budget.decider.ts: both are decided together and appended at once).
 */
import { Decider } from '../shared/decider';
import { NotFoundError } from '../shared/domain-error';
import {
  AllocationCommand,
  CancelAllocation,
  OpenAllocation,
  RecordDisbursement,
  RecordExpenditure,
  ReduceAllocation,
} from './allocation.commands';
import { AllocationEvent, AllocationRef } from './allocation.events';
import { fundsError } from './funds.errors';
import {
  requireFen,
  requirePastDate,
  requirePurpose,
  requireSource,
  requireText,
  requireYear,
} from './funds.guards';
import { assertPurposePermitted } from './party-dues-policy';
import { requireAllocationPairing } from './allocation-pairing';
import {
  requireDecisionOn,
  requireDisbursementInBudgetPeriod,
  requireExpenditureInBudgetPeriod,
} from './allocation-dates';

export type AllocationStatus = 'active' | 'cancelled';

export type ExistingAllocationState = AllocationRef & {
  status: AllocationStatus;
  decisionRef: string;
  decisionOn?: string;
  allocatedFen: number;
  disbursedFen: number;
  spentFen: number;
  /** id → amount, for idempotent client ids. */
  disbursements: Record<string, number>;
  expenditures: Record<string, number>;
  /**
   * Business date → Σ disbursed and Σ spent on that date: one entry per date, however many
   * records it has, so that spent ≤ disbursed is checked as of any date.
   */
  disbursedOn: Record<string, number>;
  spentOn: Record<string, number>;
  reductions: number;
};

export type AllocationState = { status: 'none' } | ExistingAllocationState;

export const initialAllocationState = (): AllocationState => ({ status: 'none' });

function refOf(state: ExistingAllocationState): AllocationRef {
  const { allocationId, budgetId, year, source, purpose, recipientOrganizationId } = state;
  return {
    allocationId,
    budgetId,
    year,
    source,
    purpose,
    recipientOrganizationId,
    ...(state.pairingId !== undefined && { pairingId: state.pairingId }),
    ...(state.projectId !== undefined && { projectId: state.projectId }),
  };
}

/** `<prefix><n>` with the first n not taken (a client may have used such an id itself). */
function nextId(prefix: string, taken: Record<string, number>): string {
  let n = Object.keys(taken).length + 1;
  while (`${prefix}${n}` in taken) n++;
  return `${prefix}${n}`;
}

function requireActive(state: AllocationState, allocationId: string): ExistingAllocationState {
  if (state.status === 'none') throw new NotFoundError('allocation', allocationId);
  if (state.status === 'cancelled') {
    throw fundsError('ALLOCATION_CANCELLED', `allocation ${allocationId} is cancelled`, {
      allocationId,
    });
  }
  return state;
}

function open(command: OpenAllocation, state: AllocationState): AllocationEvent[] {
  const d = command.data;
  if (state.status !== 'none') {
    throw fundsError('ALLOCATION_ALREADY_OPENED', `allocation ${d.allocationId} already exists`, {
      allocationId: d.allocationId,
    });
  }
  requireText('allocationId', d.allocationId);
  requireText('budgetId', d.budgetId);
  requireText('recipientOrganizationId', d.recipientOrganizationId);
  requireYear(d.year);
  requireSource(d.source);
  requirePurpose(d.purpose);
  requireFen('amountFen', d.amountFen);
  if (typeof d.decisionRef !== 'string' || d.decisionRef.trim() === '') {
    throw fundsError(
      'DECISION_REF_REQUIRED',
      'an allocation needs a collective decision reference',
    );
  }
  assertPurposePermitted(d.source, d.purpose);
  if (d.decisionOn !== undefined) requireDecisionOn(d.decisionOn, d.year, command.context.today);
  if (d.pairing !== undefined) {
    requireAllocationPairing(
      d.pairing,
      d.recipientOrganizationId,
      command.context.today,
      d.pairingGraceDays ?? 0,
    );
  }
  const pairingId = d.pairing?.id ?? d.pairingId;
  return [
    {
      type: 'AllocationOpened',
      data: {
        allocationId: d.allocationId,
        budgetId: d.budgetId,
        year: d.year,
        source: d.source,
        purpose: d.purpose,
        recipientOrganizationId: d.recipientOrganizationId,
        ...(pairingId !== undefined && { pairingId }),
        ...(d.projectId !== undefined && { projectId: d.projectId }),
        amountFen: d.amountFen,
        decisionRef: d.decisionRef,
        ...(d.decisionOn !== undefined && { decisionOn: d.decisionOn }),
      },
    },
  ];
}

function disburse(command: RecordDisbursement, current: AllocationState): AllocationEvent[] {
  const state = requireActive(current, command.data.allocationId);
  const { amountFen, on, ref } = command.data;
  requireFen('amountFen', amountFen);
  requirePastDate('on', on, command.context.today);
  requireDisbursementInBudgetPeriod(on, state);
  requireText('ref', ref);
  const disbursementId =
    command.data.disbursementId ?? nextId(`${state.allocationId}-d`, state.disbursements);
  const known = state.disbursements[disbursementId];
  if (known !== undefined) {
    if (known === amountFen) return [];
    throw fundsError(
      'DISBURSEMENT_ID_CONFLICT',
      `disbursement ${disbursementId} has another amount`,
      {
        disbursementId,
        recordedFen: known,
        requestedFen: amountFen,
      },
    );
  }
  if (state.disbursedFen + amountFen > state.allocatedFen) {
    throw fundsError('DISBURSEMENT_EXCEEDS_ALLOCATION', 'disbursement exceeds the allocation', {
      allocatedFen: state.allocatedFen,
      disbursedFen: state.disbursedFen,
      requestedFen: amountFen,
    });
  }
  return [
    {
      type: 'DisbursementRecorded',
      data: {
        ...refOf(state),
        disbursementId,
        amountFen,
        on,
        ref,
        disbursedFen: state.disbursedFen + amountFen,
      },
    },
  ];
}

function spend(command: RecordExpenditure, current: AllocationState): AllocationEvent[] {
  const state = requireActive(current, command.data.allocationId);
  const { amountFen, on, category, receiptRef } = command.data;
  requireFen('amountFen', amountFen);
  requirePastDate('on', on, command.context.today);
  requireExpenditureInBudgetPeriod(on, state);
  requireText('category', category);
  requireText('receiptRef', receiptRef);
  const expenditureId =
    command.data.expenditureId ?? nextId(`${state.allocationId}-e`, state.expenditures);
  const known = state.expenditures[expenditureId];
  if (known !== undefined) {
    if (known === amountFen) return [];
    throw fundsError('EXPENDITURE_ID_CONFLICT', `expenditure ${expenditureId} has another amount`, {
      expenditureId,
      recordedFen: known,
      requestedFen: amountFen,
    });
  }
  if (state.spentFen + amountFen > state.disbursedFen) {
    throw fundsError('EXPENDITURE_EXCEEDS_DISBURSED', 'expenditure exceeds what was disbursed', {
      disbursedFen: state.disbursedFen,
      spentFen: state.spentFen,
      requestedFen: amountFen,
    });
  }
  requireDisbursedByThen(state, on, amountFen);
  return [
    {
      type: 'ExpenditureRecorded',
      data: {
        ...refOf(state),
        expenditureId,
        amountFen,
        on,
        category,
        receiptRef,
        spentFen: state.spentFen + amountFen,
      },
    },
  ];
}

/**
 * Spent ≤ disbursed as of every date from `on`: what was paid out by then covers what was spent
 * by then with the new amount, on `on` and on every later date (so that money already spent later
 * is not counted twice). An earlier date is left as it is: the new amount is not spent there. The
 * refusal names the first date not covered (`asOf`, when it is after `on`).
 */
function requireDisbursedByThen(state: ExistingAllocationState, on: string, amountFen: number) {
  const dates = new Set([on, ...Object.keys(state.disbursedOn), ...Object.keys(state.spentOn)]);
  let disbursedFen = 0;
  let spentFen = 0;
  for (const date of [...dates].sort()) {
    disbursedFen += state.disbursedOn[date] ?? 0;
    spentFen += state.spentOn[date] ?? 0;
    if (date < on || spentFen + amountFen <= disbursedFen) continue;
    throw fundsError(
      'EXPENDITURE_BEFORE_DISBURSEMENT',
      `an expenditure of ${amountFen} fen on ${on} is not covered by what was disbursed by ${date}`,
      {
        on,
        ...(date !== on && { asOf: date }),
        disbursedByThenFen: disbursedFen,
        spentByThenFen: spentFen,
        requestedFen: amountFen,
      },
    );
  }
}

function reduce(command: ReduceAllocation, current: AllocationState): AllocationEvent[] {
  const state = requireActive(current, command.data.allocationId);
  const { amountFen, reason } = command.data;
  requireFen('amountFen', amountFen);
  requireText('reason', reason);
  if (state.allocatedFen - amountFen < state.disbursedFen) {
    throw fundsError('REDUCTION_BELOW_DISBURSED', 'cannot reduce below what was disbursed', {
      allocatedFen: state.allocatedFen,
      disbursedFen: state.disbursedFen,
      requestedFen: amountFen,
    });
  }
  return [
    {
      type: 'AllocationReduced',
      data: {
        ...refOf(state),
        amountFen,
        reason,
        allocatedFen: state.allocatedFen - amountFen,
        releaseId: `${state.allocationId}-r${state.reductions + 1}`,
      },
    },
  ];
}

function cancel(command: CancelAllocation, current: AllocationState): AllocationEvent[] {
  const state = requireActive(current, command.data.allocationId);
  requireText('reason', command.data.reason);
  if (state.disbursedFen > 0) {
    throw fundsError('CANCEL_AFTER_DISBURSEMENT', 'cannot cancel: money was already disbursed', {
      disbursedFen: state.disbursedFen,
    });
  }
  return [
    {
      type: 'AllocationCancelled',
      data: {
        ...refOf(state),
        reason: command.data.reason,
        releasedFen: state.allocatedFen,
        releaseId: `${state.allocationId}-cancel`,
      },
    },
  ];
}

function decide(command: AllocationCommand, state: AllocationState): AllocationEvent[] {
  switch (command.type) {
    case 'OpenAllocation':
      return open(command, state);
    case 'RecordDisbursement':
      return disburse(command, state);
    case 'RecordExpenditure':
      return spend(command, state);
    case 'ReduceAllocation':
      return reduce(command, state);
    case 'CancelAllocation':
      return cancel(command, state);
  }
}

/**
 * Updates an existing allocation in place (the top-level object and its maps): for a state its
 * caller owns, so that a fold is linear in its events.
 */
function evolveInPlace(state: AllocationState, event: AllocationEvent): AllocationState {
  if (event.type === 'AllocationOpened') {
    const { amountFen, ...rest } = event.data;
    return {
      ...rest,
      status: 'active',
      allocatedFen: amountFen,
      disbursedFen: 0,
      spentFen: 0,
      disbursements: {},
      expenditures: {},
      disbursedOn: {},
      spentOn: {},
      reductions: 0,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'DisbursementRecorded': {
      const { disbursementId, amountFen, on } = event.data;
      state.disbursedFen = event.data.disbursedFen;
      state.disbursements[disbursementId] = amountFen;
      state.disbursedOn[on] = (state.disbursedOn[on] ?? 0) + amountFen;
      return state;
    }
    case 'ExpenditureRecorded': {
      const { expenditureId, amountFen, on } = event.data;
      state.spentFen = event.data.spentFen;
      state.expenditures[expenditureId] = amountFen;
      state.spentOn[on] = (state.spentOn[on] ?? 0) + amountFen;
      return state;
    }
    case 'AllocationReduced':
      state.allocatedFen = event.data.allocatedFen;
      state.reductions += 1;
      return state;
    case 'AllocationCancelled':
      state.status = 'cancelled';
      state.allocatedFen = 0;
      return state;
  }
}

/** Pure: copies exactly what evolveInPlace may update. */
function evolve(state: AllocationState, event: AllocationEvent): AllocationState {
  const copy: AllocationState =
    state.status === 'none'
      ? state
      : {
          ...state,
          disbursements: { ...state.disbursements },
          expenditures: { ...state.expenditures },
          disbursedOn: { ...state.disbursedOn },
          spentOn: { ...state.spentOn },
        };
  return evolveInPlace(copy, event);
}

export const allocationDecider: Decider<AllocationCommand, AllocationState, AllocationEvent> = {
  decide,
  evolve,
  evolveInPlace,
  initialState: initialAllocationState,
};
