import { budgetDecider } from '../funds/budget.decider';
import { BudgetEvent } from '../funds/budget.events';
import { organizationDecider } from '../organization/organization.decider';
import { OrganizationEvent } from '../organization/organization.events';
import { villageRegistered } from '../organization/organization.spec-fixtures';
import { Decider, DomainEvent, fold } from './decider';

const county = { budgetId: '2024-county_finance', year: 2024, source: 'county_finance' as const };
const reserved = (allocationId: string, amountFen: number, reservedFen: number): BudgetEvent => ({
  type: 'AllocationReserved',
  data: {
    ...county,
    allocationId,
    amountFen,
    purpose: 'service_center',
    recipientOrganizationId: 'v-01',
    reservedFen,
    poolFen: 1_000_00,
  },
});
const budgetEvents: BudgetEvent[] = [
  { type: 'BudgetOpened', data: { ...county, amountFen: 1_000_00 } },
  reserved('a1', 100, 100),
  reserved('a2', 200, 300),
  {
    type: 'AllocationReleased',
    data: {
      ...county,
      allocationId: 'a1',
      releaseId: 'r1',
      amountFen: 40,
      reason: 'reduced',
      recipientOrganizationId: 'v-01',
      reservedFen: 260,
    },
  },
  {
    type: 'OrphanReservationReleased',
    data: {
      ...county,
      allocationId: 'a2',
      amountFen: 200,
      reason: 'repair',
      recipientOrganizationId: 'v-01',
      reservedFen: 60,
    },
  },
  {
    type: 'BudgetIncreased',
    data: { ...county, amountFen: 500, reason: 'top-up', poolFen: 1_500_00 },
  },
];

const link = (pairingId: string): OrganizationEvent => ({
  type: 'PairingLinked',
  data: {
    organizationId: 'v1',
    pairingId,
    urbanOrganizationId: 'o1',
    startsOn: '2024-01-01',
    endsOn: '2026-12-31',
  },
});
const organizationEvents: OrganizationEvent[] = [
  villageRegistered('v1'),
  { type: 'CollectiveIncomeRecorded', data: { organizationId: 'v1', year: 2023, amountFen: 5 } },
  { type: 'MemberCountRecorded', data: { organizationId: 'v1', year: 2023, count: 30 } },
  link('p1'),
  link('p2'),
  {
    type: 'PairingLinkRenewed',
    data: { organizationId: 'v1', pairingId: 'p1', endsOn: '2027-12-31' },
  },
  {
    type: 'PairingUnlinked',
    data: { organizationId: 'v1', pairingId: 'p2', urbanOrganizationId: 'o1', on: '2024-06-01' },
  },
] as OrganizationEvent[];

function checkFolds<S, E extends DomainEvent>(decider: Decider<never, S, E>, events: E[]) {
  it('folds in place to the state evolve builds one event at a time', () => {
    const stepByStep = events.reduce((s, e) => decider.evolve(s, e), decider.initialState());
    expect(fold(decider, events)).toEqual(stepByStep);
  });

  it('evolve never changes the state it is given', () => {
    let state = decider.initialState();
    for (const event of events) {
      const before = structuredClone(state);
      const next = decider.evolve(state, event);
      expect(state).toEqual(before);
      state = next;
    }
  });
}

describe('folds that update their own state in place', () => {
  describe('budget', () =>
    checkFolds(budgetDecider as Decider<never, unknown, BudgetEvent>, budgetEvents));
  describe('organization', () =>
    checkFolds(
      organizationDecider as Decider<never, unknown, OrganizationEvent>,
      organizationEvents,
    ));
});
