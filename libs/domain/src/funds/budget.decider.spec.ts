import { specFor } from '../shared/decider.spec-helper';
import { BudgetCommand } from './budget.commands';
import { budgetDecider } from './budget.decider';
import { BudgetEvent } from './budget.events';

const context = {
  now: '2024-03-01T02:00:00Z',
  today: '2024-03-01',
  actor: { id: 'u1', role: 'operator' },
};
const given = specFor(budgetDecider);

const cmd = <T extends BudgetCommand['type']>(
  type: T,
  data: Extract<BudgetCommand, { type: T }>['data'],
) => ({ type, data, context }) as BudgetCommand;

const county = { budgetId: '2024-county_finance', year: 2024, source: 'county_finance' as const };
const dues = {
  budgetId: '2024-party_dues-org-dept',
  year: 2024,
  source: 'party_dues' as const,
  issuerOrganizationId: 'org-dept',
};

const opened: BudgetEvent = { type: 'BudgetOpened', data: { ...county, amountFen: 1_000_000_00 } };
const duesOpened: BudgetEvent = { type: 'BudgetOpened', data: { ...dues, amountFen: 100_000_00 } };
const reserved = (
  allocationId: string,
  amountFen: number,
  reservedFen: number,
  poolFen = 1_000_000_00,
): BudgetEvent => ({
  type: 'AllocationReserved',
  data: {
    ...county,
    allocationId,
    amountFen,
    purpose: 'service_center',
    recipientOrganizationId: 'v-01',
    reservedFen,
    poolFen,
  },
});
const reserve = (allocationId: string, amountFen: number, purpose = 'service_center' as const) =>
  cmd('ReserveAllocation', {
    budgetId: county.budgetId,
    allocationId,
    amountFen,
    purpose,
    recipientOrganizationId: 'v-01',
  });

describe('budget decider', () => {
  describe('OpenBudget', () => {
    it('opens a pool', () =>
      given([])
        .when(cmd('OpenBudget', { ...county, amountFen: 1_000_000_00 }))
        .then([opened]));

    it('opens a pool specific to an issuer', () =>
      given([])
        .when(cmd('OpenBudget', { ...dues, amountFen: 100_000_00 }))
        .then([duesOpened]));

    it('refuses to open twice', () =>
      given([opened])
        .when(cmd('OpenBudget', { ...county, amountFen: 5 }))
        .thenRefuses('BUDGET_ALREADY_OPENED'));

    it('refuses an unknown source', () =>
      given([])
        .when(cmd('OpenBudget', { ...county, source: 'lottery' as never, amountFen: 5 }))
        .thenRefuses('INVALID_FUND_SOURCE'));

    it('refuses an amount that is not integer fen', () =>
      given([])
        .when(cmd('OpenBudget', { ...county, amountFen: 10.5 }))
        .thenRefuses('INVALID_AMOUNT'));
  });

  describe('IncreaseBudget', () => {
    it('raises the pool', () =>
      given([opened])
        .when(
          cmd('IncreaseBudget', {
            budgetId: county.budgetId,
            amountFen: 200_000_00,
            reason: '追加预算',
          }),
        )
        .then([
          {
            type: 'BudgetIncreased',
            data: { ...county, amountFen: 200_000_00, reason: '追加预算', poolFen: 1_200_000_00 },
          },
        ]));

    it('refuses an unknown budget', () =>
      given([])
        .when(cmd('IncreaseBudget', { budgetId: 'nope', amountFen: 1, reason: 'x' }))
        .thenRefuses('BUDGET_NOT_FOUND'));
  });

  describe('ReserveAllocation', () => {
    it('reserves within the pool', () =>
      given([opened])
        .when(reserve('a1', 600_000_00))
        .then([reserved('a1', 600_000_00, 600_000_00)]));

    it('reserves exactly up to the pool', () =>
      given([opened, reserved('a1', 600_000_00, 600_000_00)])
        .when(reserve('a2', 400_000_00))
        .then([reserved('a2', 400_000_00, 1_000_000_00)]));

    it('refuses to reserve beyond the pool (BUDGET_EXCEEDED)', () =>
      given([opened, reserved('a1', 600_000_00, 600_000_00)])
        .when(reserve('a2', 400_000_01))
        .thenRefuses('BUDGET_EXCEEDED'));

    it('accepts after the pool was increased', () =>
      given([
        opened,
        reserved('a1', 600_000_00, 600_000_00),
        {
          type: 'BudgetIncreased',
          data: { ...county, amountFen: 100, reason: 'r', poolFen: 1_000_000_00 + 100 },
        },
      ])
        .when(reserve('a2', 400_000_01))
        .then([reserved('a2', 400_000_01, 1_000_000_01, 1_000_000_00 + 100)]));

    it('is idempotent for the same allocation id and amount', () =>
      given([opened, reserved('a1', 600_000_00, 600_000_00)])
        .when(reserve('a1', 600_000_00))
        .then([]));

    it('refuses the same allocation id with another amount', () =>
      given([opened, reserved('a1', 600_000_00, 600_000_00)])
        .when(reserve('a1', 500_000_00))
        .thenRefuses('ALLOCATION_ALREADY_RESERVED'));

    it('refuses party dues for a purpose they may not fund', () =>
      given([duesOpened])
        .when(
          cmd('ReserveAllocation', {
            budgetId: dues.budgetId,
            allocationId: 'a9',
            amountFen: 10_000_00,
            purpose: 'operating_funds',
            recipientOrganizationId: 'v-01',
          }),
        )
        .thenRefuses('PARTY_DUES_PURPOSE_NOT_PERMITTED'));

    it('accepts party dues for training', () =>
      given([duesOpened])
        .when(
          cmd('ReserveAllocation', {
            budgetId: dues.budgetId,
            allocationId: 'a9',
            amountFen: 10_000_00,
            purpose: 'training',
            recipientOrganizationId: 'v-01',
          }),
        )
        .then([
          {
            type: 'AllocationReserved',
            data: {
              ...dues,
              allocationId: 'a9',
              amountFen: 10_000_00,
              purpose: 'training',
              recipientOrganizationId: 'v-01',
              reservedFen: 10_000_00,
              poolFen: 100_000_00,
            },
          },
        ]));

    it('refuses an unknown purpose', () =>
      given([opened])
        .when(reserve('a1', 1, 'party' as never))
        .thenRefuses('INVALID_FUND_PURPOSE'));
  });

  describe('ReleaseAllocation', () => {
    const release = (releaseId: string, amountFen: number, allocationId = 'a1') =>
      cmd('ReleaseAllocation', {
        budgetId: county.budgetId,
        allocationId,
        releaseId,
        amountFen,
        reason: '核减',
      });
    const released: BudgetEvent = {
      type: 'AllocationReleased',
      data: {
        ...county,
        allocationId: 'a1',
        releaseId: 'a1-r1',
        amountFen: 100_000_00,
        reason: '核减',
        recipientOrganizationId: 'v-01',
        reservedFen: 500_000_00,
      },
    };

    it('releases part of a reservation', () =>
      given([opened, reserved('a1', 600_000_00, 600_000_00)])
        .when(release('a1-r1', 100_000_00))
        .then([released]));

    it('frees room in the pool', () =>
      given([opened, reserved('a1', 600_000_00, 600_000_00), released])
        .when(reserve('a2', 500_000_00))
        .then([reserved('a2', 500_000_00, 1_000_000_00)]));

    it('is idempotent by releaseId', () =>
      given([opened, reserved('a1', 600_000_00, 600_000_00), released])
        .when(release('a1-r1', 100_000_00))
        .then([]));

    it('never makes the reservation negative', () =>
      given([opened, reserved('a1', 600_000_00, 600_000_00), released])
        .when(release('a1-cancel', 500_000_01))
        .thenRefuses('RELEASE_EXCEEDS_RESERVATION'));

    it('refuses an allocation that was never reserved', () =>
      given([opened])
        .when(release('x-r1', 1, 'x'))
        .thenRefuses('ALLOCATION_NOT_RESERVED'));

    it('releases nothing for a zero amount', () =>
      given([opened, reserved('a1', 600_000_00, 600_000_00)])
        .when(release('a1-cancel', 0))
        .then([]));
  });
});
