import { fold } from '../shared/decider';
import { specFor } from '../shared/decider.spec-helper';
import { DomainError } from '../shared/domain-error';
import { AllocationCommand } from './allocation.commands';
import { allocationDecider, AllocationState } from './allocation.decider';
import { AllocationEvent } from './allocation.events';

const context = (today = '2026-06-30') => ({
  now: `${today}T02:00:00Z`,
  today,
  actor: { id: 'u1', role: 'operator' },
});
const given = specFor(allocationDecider);

const ref = {
  allocationId: 'A2',
  budgetId: '2026-county_finance',
  year: 2026,
  source: 'county_finance' as const,
  purpose: 'operating_funds' as const,
  recipientOrganizationId: 'v-01',
};
const opened = (extra: Record<string, unknown> = {}): AllocationEvent => ({
  type: 'AllocationOpened',
  data: { ...ref, amountFen: 20_000_00, decisionRef: '部务会 2025-12', ...extra },
});
/** Events as the decider writes them; the last argument is the running total after each. */
const disbursement = (
  disbursementId: string,
  amountFen: number,
  on: string,
  disbursedFen: number,
): AllocationEvent => ({
  type: 'DisbursementRecorded',
  data: { ...ref, disbursementId, amountFen, on, ref: '拨款单', disbursedFen },
});
const expenditure = (
  expenditureId: string,
  amountFen: number,
  on: string,
  spentFen: number,
): AllocationEvent => ({
  type: 'ExpenditureRecorded',
  data: {
    ...ref,
    expenditureId,
    amountFen,
    on,
    category: '办公',
    receiptRef: 'R-1',
    spentFen,
  },
});

const spend = (
  amountFen: number,
  on: string,
  extra: { expenditureId?: string; today?: string } = {},
): AllocationCommand => ({
  type: 'RecordExpenditure',
  data: {
    allocationId: 'A2',
    amountFen,
    on,
    category: '办公',
    receiptRef: 'R-1',
    ...(extra.expenditureId !== undefined && { expenditureId: extra.expenditureId }),
  },
  context: context(extra.today),
});

/** The refusal's code and details. */
function refusal(events: AllocationEvent[], command: AllocationCommand) {
  try {
    allocationDecider.decide(command, fold(allocationDecider, events));
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return { code: (error as DomainError).code, details: (error as DomainError).details };
  }
  throw new Error('the command was accepted');
}

describe('RecordExpenditure: the budget period (an expenditure is not dated before it starts)', () => {
  it('refuses money of the 2026 budget spent on 2025-12-15, before its year', () => {
    const history = [opened(), disbursement('A2-d1', 20_000_00, '2026-01-01', 20_000_00)];
    expect(refusal(history, spend(1_000_00, '2025-12-15'))).toEqual({
      code: 'EXPENDITURE_OUTSIDE_BUDGET_PERIOD',
      details: { field: 'on', on: '2025-12-15', year: 2026, from: '2026-01-01' },
    });
  });

  it('refuses one years before, on 2020-01-01', () =>
    given([opened(), disbursement('A2-d1', 20_000_00, '2026-01-01', 20_000_00)])
      .when(spend(1, '2020-01-01'))
      .thenRefuses('EXPENDITURE_OUTSIDE_BUDGET_PERIOD'));

  it('refuses one before the decision, when that is dated in the budget year', () => {
    const history = [
      opened({ decisionOn: '2026-03-10' }),
      disbursement('A2-d1', 1_000_00, '2026-03-10', 1_000_00),
    ];
    expect(refusal(history, spend(1, '2026-03-09'))).toMatchObject({
      code: 'EXPENDITURE_OUTSIDE_BUDGET_PERIOD',
      details: { on: '2026-03-09', from: '2026-03-10' },
    });
  });

  it('accepts spending after the year’s accounts are settled, from what was paid out', () =>
    given([opened(), disbursement('A2-d1', 1_000_00, '2027-12-31', 1_000_00)])
      .when(spend(1_000_00, '2028-01-15', { today: '2028-02-01' }))
      .then([expenditure('A2-e1', 1_000_00, '2028-01-15', 1_000_00)]));
});

describe('RecordExpenditure: spent ≤ disbursed as of its date', () => {
  it('refuses money spent before anything was disbursed, naming what there was by then', () => {
    const history = [opened(), disbursement('A2-d1', 20_000_00, '2026-03-01', 20_000_00)];
    expect(refusal(history, spend(100_000, '2026-02-15'))).toEqual({
      code: 'EXPENDITURE_BEFORE_DISBURSEMENT',
      details: {
        on: '2026-02-15',
        disbursedByThenFen: 0,
        spentByThenFen: 0,
        requestedFen: 100_000,
      },
    });
  });

  it('accepts money spent on the day it was disbursed and after it', () => {
    const history = [opened(), disbursement('A2-d1', 20_000_00, '2026-03-01', 20_000_00)];
    given(history)
      .when(spend(5_000_00, '2026-03-01'))
      .then([expenditure('A2-e1', 5_000_00, '2026-03-01', 5_000_00)]);
    given(history)
      .when(spend(20_000_00, '2026-04-01'))
      .then([expenditure('A2-e1', 20_000_00, '2026-04-01', 20_000_00)]);
  });

  it('counts only what was disbursed by then, not what was paid out later', () => {
    const history = [
      opened(),
      disbursement('A2-d1', 10_000_00, '2026-03-01', 10_000_00),
      disbursement('A2-d2', 10_000_00, '2026-06-01', 20_000_00),
    ];
    expect(refusal(history, spend(15_000_00, '2026-04-01'))).toEqual({
      code: 'EXPENDITURE_BEFORE_DISBURSEMENT',
      details: {
        on: '2026-04-01',
        disbursedByThenFen: 10_000_00,
        spentByThenFen: 0,
        requestedFen: 15_000_00,
      },
    });
    given(history)
      .when(spend(15_000_00, '2026-06-01'))
      .then([expenditure('A2-e1', 15_000_00, '2026-06-01', 15_000_00)]);
  });

  it('counts what was spent by then', () => {
    const history = [
      opened(),
      disbursement('A2-d1', 10_000_00, '2026-03-01', 10_000_00),
      disbursement('A2-d2', 10_000_00, '2026-06-01', 20_000_00),
      expenditure('A2-e1', 6_000_00, '2026-03-10', 6_000_00),
    ];
    expect(refusal(history, spend(5_000_00, '2026-04-01'))).toEqual({
      code: 'EXPENDITURE_BEFORE_DISBURSEMENT',
      details: {
        on: '2026-04-01',
        disbursedByThenFen: 10_000_00,
        spentByThenFen: 6_000_00,
        requestedFen: 5_000_00,
      },
    });
    given(history)
      .when(spend(4_000_00, '2026-04-01'))
      .then([expenditure('A2-e2', 4_000_00, '2026-04-01', 10_000_00)]);
  });

  it('does not take money that a later expenditure, already recorded, was paid from', () => {
    const history = [
      opened(),
      disbursement('A2-d1', 10_000_00, '2026-03-01', 10_000_00),
      disbursement('A2-d2', 10_000_00, '2026-06-01', 20_000_00),
      expenditure('A2-e1', 10_000_00, '2026-04-01', 10_000_00),
    ];
    // Covered on 03-15 itself, but 04-01 would then show 15,000元 spent against 10,000元 paid out.
    expect(refusal(history, spend(5_000_00, '2026-03-15'))).toEqual({
      code: 'EXPENDITURE_BEFORE_DISBURSEMENT',
      details: {
        on: '2026-03-15',
        asOf: '2026-04-01',
        disbursedByThenFen: 10_000_00,
        spentByThenFen: 10_000_00,
        requestedFen: 5_000_00,
      },
    });
    given(history)
      .when(spend(5_000_00, '2026-06-01'))
      .then([expenditure('A2-e2', 5_000_00, '2026-06-01', 15_000_00)]);
  });

  it('still refuses more than was disbursed in all with EXPENDITURE_EXCEEDS_DISBURSED', () =>
    given([opened(), disbursement('A2-d1', 10_000_00, '2026-03-01', 10_000_00)])
      .when(spend(10_000_01, '2026-05-01'))
      .thenRefuses('EXPENDITURE_EXCEEDS_DISBURSED'));

  it('a retried expenditure (same id and amount) is still a no-op', () =>
    given([
      opened(),
      disbursement('A2-d1', 10_000_00, '2026-03-01', 10_000_00),
      expenditure('A2-e1', 10_000_00, '2026-03-01', 10_000_00),
    ])
      .when(spend(10_000_00, '2026-03-01', { expenditureId: 'A2-e1' }))
      .then([]));
});

describe('allocations recorded before the date rules', () => {
  // An earlier version accepted these: events are never rewritten, so they fold as they are.
  const legacy = [
    opened(),
    expenditure('A2-e1', 1, '2020-01-01', 1),
    disbursement('A2-d1', 10_000_00, '2026-01-01', 10_000_00),
    expenditure('A2-e2', 1_000_00, '2025-12-15', 1_000_01),
    disbursement('A2-d2', 5_000_00, '2026-05-01', 15_000_00),
  ];

  it('still fold, with what was disbursed and spent on each date', () =>
    expect(fold(allocationDecider, legacy)).toMatchObject({
      status: 'active',
      disbursedFen: 15_000_00,
      spentFen: 1_000_01,
      disbursedOn: { '2026-01-01': 10_000_00, '2026-05-01': 5_000_00 },
      spentOn: { '2020-01-01': 1, '2025-12-15': 1_000_00 },
    }));

  it('take new commands, checked against every record', () => {
    given(legacy)
      .when(spend(8_999_99, '2026-02-01'))
      .then([expenditure('A2-e3', 8_999_99, '2026-02-01', 10_000_00)]);
    expect(refusal(legacy, spend(9_000_00, '2026-01-01'))).toEqual({
      code: 'EXPENDITURE_BEFORE_DISBURSEMENT',
      details: {
        on: '2026-01-01',
        disbursedByThenFen: 10_000_00,
        spentByThenFen: 1_000_01,
        requestedFen: 9_000_00,
      },
    });
  });
});

describe('the allocation fold', () => {
  const events: AllocationEvent[] = [
    opened(),
    disbursement('A2-d1', 5_000_00, '2026-03-01', 5_000_00),
    disbursement('A2-d2', 5_000_00, '2026-03-01', 10_000_00),
    expenditure('A2-e1', 2_000_00, '2026-03-02', 2_000_00),
    disbursement('A2-d3', 1_000_00, '2026-02-01', 11_000_00),
    expenditure('A2-e2', 1_000_00, '2026-03-02', 3_000_00),
    {
      type: 'AllocationReduced',
      data: { ...ref, amountFen: 1, reason: '核减', allocatedFen: 20_000_00 - 1, releaseId: 'r1' },
    },
  ];

  it('keeps one sum per date, however many records it has', () =>
    expect(fold(allocationDecider, events)).toMatchObject({
      disbursedFen: 11_000_00,
      spentFen: 3_000_00,
      disbursedOn: { '2026-02-01': 1_000_00, '2026-03-01': 10_000_00 },
      spentOn: { '2026-03-02': 3_000_00 },
      reductions: 1,
    }));

  it('updates a state it owns in place, to the state evolve builds one event at a time', () => {
    const stepByStep = events.reduce(
      (s, e) => allocationDecider.evolve(s, e),
      allocationDecider.initialState(),
    );
    expect(fold(allocationDecider, events)).toEqual(stepByStep);
    const inPlace = allocationDecider.evolveInPlace;
    expect(inPlace).toBeDefined();
    let owned: AllocationState = inPlace!(allocationDecider.initialState(), events[0]);
    for (const event of events.slice(1)) {
      const next = inPlace!(owned, event);
      expect(next).toBe(owned);
      owned = next;
    }
  });

  it('evolve never changes the state it is given', () => {
    let state = allocationDecider.initialState();
    for (const event of events) {
      const before = structuredClone(state);
      const next = allocationDecider.evolve(state, event);
      expect(state).toEqual(before);
      state = next;
    }
  });
});
