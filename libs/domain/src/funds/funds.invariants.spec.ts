import fc from 'fast-check';
import { DomainError } from '../shared/domain-error';
import { AllocationCommand } from './allocation.commands';
import { allocationDecider, AllocationState } from './allocation.decider';
import { AllocationEvent } from './allocation.events';
import { BudgetCommand } from './budget.commands';
import { budgetDecider, BudgetState } from './budget.decider';

const context = {
  now: '2024-12-31T02:00:00Z',
  today: '2024-12-31',
  actor: { id: 'u1', role: 'operator' },
};
const amount = fc.integer({ min: 0, max: 2_000 });

/** Decide then evolve; a refused command leaves the state as it was. */
function step<C extends { type: string }, S, E>(
  decider: { decide(c: C, s: S): E[]; evolve(s: S, e: E): S },
  state: S,
  command: C,
): S {
  try {
    return decider.decide(command, state).reduce(decider.evolve, state);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return state;
  }
}

const allocationCommand: fc.Arbitrary<AllocationCommand> = fc.oneof(
  amount.map((amountFen) => ({
    type: 'OpenAllocation' as const,
    data: {
      allocationId: 'a1',
      budgetId: '2024-county_finance',
      year: 2024,
      source: 'county_finance' as const,
      recipientOrganizationId: 'v-01',
      amountFen,
      purpose: 'project' as const,
      decisionRef: 'D-1',
    },
    context,
  })),
  fc
    .tuple(amount, fc.option(fc.constantFrom('d1', 'd2'), { nil: undefined }))
    .map(([amountFen, disbursementId]) => ({
      type: 'RecordDisbursement' as const,
      data: {
        allocationId: 'a1',
        amountFen,
        on: '2024-06-01',
        ref: 'x',
        ...(disbursementId && { disbursementId }),
      },
      context,
    })),
  amount.map((amountFen) => ({
    type: 'RecordExpenditure' as const,
    data: { allocationId: 'a1', amountFen, on: '2024-06-02', category: 'c', receiptRef: 'r' },
    context,
  })),
  amount.map((amountFen) => ({
    type: 'ReduceAllocation' as const,
    data: { allocationId: 'a1', amountFen, reason: 'r' },
    context,
  })),
  fc.constant({
    type: 'CancelAllocation' as const,
    data: { allocationId: 'a1', reason: 'r' },
    context,
  }),
);

/** Disbursements and expenditures of a 2024 allocation, dated around its budget year. */
const DATES = ['2023-12-31', '2024-01-01', '2024-03-01', '2024-06-01', '2024-09-01', '2024-12-31'];
const datedCommand: fc.Arbitrary<AllocationCommand> = fc
  .tuple(fc.boolean(), amount, fc.constantFrom(...DATES))
  .map(([disburse, amountFen, on]) =>
    disburse
      ? {
          type: 'RecordDisbursement' as const,
          data: { allocationId: 'a1', amountFen, on, ref: 'x' },
          context,
        }
      : {
          type: 'RecordExpenditure' as const,
          data: { allocationId: 'a1', amountFen, on, category: 'c', receiptRef: 'r' },
          context,
        },
  );

const budgetCommand: fc.Arbitrary<BudgetCommand> = fc.oneof(
  amount.map((amountFen) => ({
    type: 'OpenBudget' as const,
    data: { budgetId: 'b', year: 2024, source: 'county_finance' as const, amountFen },
    context,
  })),
  amount.map((amountFen) => ({
    type: 'IncreaseBudget' as const,
    data: { budgetId: 'b', amountFen, reason: 'r' },
    context,
  })),
  fc.tuple(fc.constantFrom('a1', 'a2', 'a3'), amount).map(([allocationId, amountFen]) => ({
    type: 'ReserveAllocation' as const,
    data: {
      budgetId: 'b',
      allocationId,
      amountFen,
      purpose: 'project' as const,
      recipientOrganizationId: 'v',
    },
    context,
  })),
  fc
    .tuple(fc.constantFrom('a1', 'a2', 'a3'), fc.constantFrom('r1', 'r2', 'r3'), amount)
    .map(([allocationId, releaseId, amountFen]) => ({
      type: 'ReleaseAllocation' as const,
      data: { budgetId: 'b', allocationId, releaseId, amountFen, reason: 'r' },
      context,
    })),
);

/** An opening command first (so most runs exercise the rules), then 5–60 random commands. */
function openFirst<C extends { type: string }>(command: fc.Arbitrary<C>, openType: string) {
  return fc
    .tuple(
      command.filter((c) => c.type === openType),
      fc.array(command, { minLength: 5, maxLength: 60, size: 'medium' }),
    )
    .map(([open, rest]) => [open, ...rest]);
}

const onOf = (event: AllocationEvent) => ('on' in event.data ? event.data.on : '');

/** Throws (failing the property with the state) unless the condition holds. */
function check(condition: boolean, rule: string, state: unknown): void {
  if (!condition) throw new Error(`${rule} broken: ${JSON.stringify(state)}`);
}

describe('funds invariants (property)', () => {
  it('disbursed ≤ allocated and spent ≤ disbursed after any sequence of allocation commands', () => {
    let exercised = 0; // runs that spent money and reduced the allocation: the property is not vacuous
    fc.assert(
      fc.property(openFirst(allocationCommand, 'OpenAllocation'), (commands) => {
        let state: AllocationState = allocationDecider.initialState();
        for (const command of commands) {
          state = step(allocationDecider, state, command);
          if (state.status === 'none') continue;
          check(
            0 <= state.spentFen && state.spentFen <= state.disbursedFen,
            'spent ≤ disbursed',
            state,
          );
          check(
            state.disbursedFen <= state.allocatedFen || state.status === 'cancelled',
            'disbursed ≤ allocated',
            state,
          );
          check(
            state.status === 'active' || state.disbursedFen === 0,
            'cancelled only undisbursed',
            state,
          );
        }
        if (state.status === 'active' && state.spentFen > 0 && state.reductions > 0) exercised++;
      }),
      { numRuns: 500 },
    );
    expect(exercised).toBeGreaterThan(10);
  });

  it('spent ≤ disbursed as of every date after any sequence of dated disbursements and expenditures', () => {
    let exercised = 0; // runs that spent money dated before a later disbursement: not vacuous
    const open = allocationDecider.decide(
      {
        type: 'OpenAllocation',
        data: {
          allocationId: 'a1',
          budgetId: '2024-county_finance',
          year: 2024,
          source: 'county_finance',
          recipientOrganizationId: 'v-01',
          amountFen: 4_000,
          purpose: 'project',
          decisionRef: 'D-1',
        },
        context,
      },
      allocationDecider.initialState(),
    );
    const recordedBy = (events: AllocationEvent[], type: AllocationEvent['type'], date: string) =>
      events.reduce(
        (sum, e) =>
          e.type === type && 'on' in e.data && e.data.on <= date ? sum + e.data.amountFen : sum,
        0,
      );
    fc.assert(
      fc.property(fc.array(datedCommand, { minLength: 5, maxLength: 40 }), (commands) => {
        let state = open.reduce(allocationDecider.evolve, allocationDecider.initialState());
        const recorded: AllocationEvent[] = [];
        for (const command of commands) {
          try {
            const events = allocationDecider.decide(command, state);
            recorded.push(...events);
            state = events.reduce(allocationDecider.evolve, state);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
          }
          for (const date of DATES) {
            check(
              recordedBy(recorded, 'ExpenditureRecorded', date) <=
                recordedBy(recorded, 'DisbursementRecorded', date),
              `spent ≤ disbursed on ${date}`,
              recorded,
            );
          }
          check(
            recordedBy(recorded, 'ExpenditureRecorded', '2023-12-31') === 0,
            'nothing spent before the budget period',
            recorded,
          );
        }
        const spentOn = recorded.filter((e) => e.type === 'ExpenditureRecorded').map(onOf);
        const paidOn = recorded.filter((e) => e.type === 'DisbursementRecorded').map(onOf);
        if (spentOn.some((on) => paidOn.some((paid) => on < paid))) exercised++;
      }),
      { numRuns: 500 },
    );
    expect(exercised).toBeGreaterThan(10);
  });

  it('0 ≤ Σ reserved ≤ pool after any sequence of budget commands', () => {
    let exercised = 0; // runs with a release after reservations
    fc.assert(
      fc.property(openFirst(budgetCommand, 'OpenBudget'), (commands) => {
        let state: BudgetState = budgetDecider.initialState();
        for (const command of commands) {
          state = step(budgetDecider, state, command);
          if (state.status === 'none') continue;
          const reservations = Object.values(state.reservations);
          const sum = reservations.reduce((total, r) => total + r.currentFen, 0);
          check(state.reservedFen === sum, 'reserved = Σ reservations', state);
          check(
            0 <= state.reservedFen && state.reservedFen <= state.poolFen,
            '0 ≤ reserved ≤ pool',
            state,
          );
          check(
            reservations.every((r) => r.currentFen >= 0),
            'reservation ≥ 0',
            state,
          );
        }
        if (
          state.status === 'open' &&
          Object.values(state.reservations).some((r) => r.releaseIds.length)
        ) {
          exercised++;
        }
      }),
      { numRuns: 500 },
    );
    expect(exercised).toBeGreaterThan(10);
  });
});
