import { PairingSummary } from '../pairing/pairing.summary';
import { specFor } from '../shared/decider.spec-helper';
import { AllocationCommand, OpenAllocation } from './allocation.commands';
import { allocationDecider } from './allocation.decider';
import { AllocationEvent } from './allocation.events';

const context = (today = '2024-06-30') => ({
  now: `${today}T02:00:00Z`,
  today,
  actor: { id: 'u1', role: 'operator' },
});
const given = specFor(allocationDecider);

const ref = {
  allocationId: 'a1',
  budgetId: '2024-county_finance',
  year: 2024,
  source: 'county_finance' as const,
  purpose: 'activity_funds' as const,
  recipientOrganizationId: 'v-01',
};
const open = (extra: Partial<OpenAllocation['data']> = {}, today?: string): AllocationCommand => ({
  type: 'OpenAllocation',
  data: { ...ref, amountFen: 2_000_00, decisionRef: '部务会 2024-05', ...extra },
  context: context(today),
});
const opened = (extra: Record<string, unknown> = {}): AllocationEvent => ({
  type: 'AllocationOpened',
  data: { ...ref, amountFen: 2_000_00, decisionRef: '部务会 2024-05', ...extra },
});
const pairing = (
  extra: Partial<Extract<PairingSummary, { exists: true }>> = {},
): PairingSummary => ({
  id: 'p-01',
  exists: true,
  urbanOrganizationId: 'o-01',
  ruralOrganizationId: 'v-01',
  urbanTownship: 'T00',
  ruralTownship: 'T01',
  startsOn: '2023-01-01',
  endsOn: '2024-12-31',
  ...extra,
});

describe('OpenAllocation: the decision date (issue 13 "Budgets": allocations carry their decision date)', () => {
  it('records decisionOn in the budget year', () =>
    given([])
      .when(open({ decisionOn: '2024-05-20' }))
      .then([opened({ decisionOn: '2024-05-20' })]));

  it('accepts a decision at the end of the year before (budgets are decided ahead)', () =>
    given([])
      .when(open({ decisionOn: '2023-12-28' }))
      .then([opened({ decisionOn: '2023-12-28' })]));

  it('refuses a decision two years before the budget year', () =>
    given([])
      .when(open({ decisionOn: '2022-12-31' }))
      .thenRefuses('DECISION_DATE_OUTSIDE_BUDGET_YEAR'));

  it('refuses a decision dated after today', () =>
    given([])
      .when(open({ decisionOn: '2024-07-01' }))
      .thenRefuses('DATE_IN_FUTURE'));

  it('stays optional: an allocation without it is opened as before', () =>
    given([]).when(open()).then([opened()]));
});

describe('RecordDisbursement: the budget period (issue 13: a disbursement is dated within the budget year)', () => {
  const disburse = (on: string, today = '2025-03-01'): AllocationCommand => ({
    type: 'RecordDisbursement',
    data: { allocationId: 'a1', amountFen: 1_000_00, on, ref: '拨款单 1' },
    context: context(today),
  });
  const disbursed = (on: string): AllocationEvent => ({
    type: 'DisbursementRecorded',
    data: {
      ...ref,
      disbursementId: 'a1-d1',
      amountFen: 1_000_00,
      on,
      ref: '拨款单 1',
      disbursedFen: 1_000_00,
    },
  });

  it('accepts a disbursement in the budget year', () =>
    given([opened()])
      .when(disburse('2024-08-01'))
      .then([disbursed('2024-08-01')]));

  it('accepts one in the following year, while the accounts are settled', () =>
    given([opened()])
      .when(disburse('2025-02-10'))
      .then([disbursed('2025-02-10')]));

  it('refuses one before the budget year', () =>
    given([opened()])
      .when(disburse('2023-12-31'))
      .thenRefuses('DISBURSEMENT_OUTSIDE_BUDGET_PERIOD'));

  it('refuses one before the decision it follows', () =>
    given([opened({ decisionOn: '2024-05-20' })])
      .when(disburse('2024-05-19'))
      .thenRefuses('DISBURSEMENT_OUTSIDE_BUDGET_PERIOD'));

  it('refuses one two years after the budget year', () =>
    given([opened()])
      .when(disburse('2026-01-02', '2026-01-05'))
      .thenRefuses('DISBURSEMENT_OUTSIDE_BUDGET_PERIOD'));
});

describe('OpenAllocation under a pairing (issue 13 "Commitments against delivery": the pairingId is checked)', () => {
  it('accepts money for the village of an active pairing and records the pairing', () =>
    given([])
      .when(open({ pairing: pairing(), pairingGraceDays: 60 }))
      .then([opened({ pairingId: 'p-01' })]));

  it('accepts money for the urban organization carrying out the pairing', () =>
    given([])
      .when(open({ recipientOrganizationId: 'o-01', pairing: pairing(), pairingGraceDays: 60 }))
      .then([opened({ recipientOrganizationId: 'o-01', pairingId: 'p-01' })]));

  it('refuses a recipient that is neither side of the pairing', () =>
    given([])
      .when(open({ recipientOrganizationId: 'v-02', pairing: pairing() }))
      .thenRefuses('ALLOCATION_RECIPIENT_NOT_IN_PAIRING'));

  it('accepts within the late-entry grace after the term, refuses after it', () => {
    given([])
      .when(open({ pairing: pairing({ endsOn: '2024-05-31' }), pairingGraceDays: 60 }))
      .then([opened({ pairingId: 'p-01' })]);
    given([])
      .when(open({ pairing: pairing({ endsOn: '2024-04-30' }), pairingGraceDays: 60 }))
      .thenRefuses('PAIRING_NOT_ACTIVE');
  });

  it('refuses a dissolved pairing and an unknown one', () => {
    given([])
      .when(open({ pairing: pairing({ dissolvedOn: '2024-06-01' }), pairingGraceDays: 60 }))
      .thenRefuses('PAIRING_NOT_ACTIVE');
    given([])
      .when(open({ pairing: { id: 'p-x', exists: false } }))
      .thenRefuses('PAIRING_NOT_FOUND');
  });
});
