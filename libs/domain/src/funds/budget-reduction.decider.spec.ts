import { specFor } from '../shared/decider.spec-helper';
import { BudgetCommand } from './budget.commands';
import { budgetDecider } from './budget.decider';
import { BudgetEvent } from './budget.events';

const context = {
  now: '2024-06-01T02:00:00Z',
  today: '2024-06-01',
  actor: { id: 'u1', role: 'admin' },
};
const given = specFor(budgetDecider);
const county = { budgetId: '2024-county_finance', year: 2024, source: 'county_finance' as const };
const reduce = (amountFen: number, reason = '年中调减') =>
  ({
    type: 'ReduceBudget',
    data: { budgetId: county.budgetId, amountFen, reason },
    context,
  }) as BudgetCommand;

const opened: BudgetEvent = { type: 'BudgetOpened', data: { ...county, amountFen: 100_000_00 } };
const reserved: BudgetEvent = {
  type: 'AllocationReserved',
  data: {
    ...county,
    allocationId: 'a-1',
    amountFen: 60_000_00,
    purpose: 'operating_funds',
    recipientOrganizationId: 'v-01',
    reservedFen: 60_000_00,
    poolFen: 100_000_00,
  },
};

describe('ReduceBudget (issue 13: budgets can be reduced, not below what is allocated)', () => {
  it('takes the unallocated part from the pool', () =>
    given([opened, reserved])
      .when(reduce(40_000_00))
      .then([
        {
          type: 'BudgetReduced',
          data: {
            ...county,
            amountFen: 40_000_00,
            reason: '年中调减',
            poolFen: 60_000_00,
            reservedFen: 60_000_00,
          },
        },
      ]));

  it('refuses to go below what is allocated', () =>
    given([opened, reserved])
      .when(reduce(40_000_01))
      .thenRefuses('BUDGET_REDUCTION_BELOW_ALLOCATED'));

  it('refuses an unknown budget, a zero amount and a missing reason', () => {
    given([]).when(reduce(1)).thenRefuses('BUDGET_NOT_FOUND');
    given([opened]).when(reduce(0)).thenRefuses('INVALID_AMOUNT');
    given([opened]).when(reduce(1, ' ')).thenRefuses('REQUIRED_FIELD_MISSING');
  });

  it('a reduced pool refuses the allocation it can no longer cover', () =>
    given([
      opened,
      reserved,
      {
        type: 'BudgetReduced',
        data: {
          ...county,
          amountFen: 30_000_00,
          reason: 'r',
          poolFen: 70_000_00,
          reservedFen: 60_000_00,
        },
      },
    ])
      .when({
        type: 'ReserveAllocation',
        data: {
          budgetId: county.budgetId,
          allocationId: 'a-2',
          amountFen: 10_000_01,
          purpose: 'operating_funds',
          recipientOrganizationId: 'v-02',
        },
        context,
      })
      .thenRefuses('BUDGET_EXCEEDED'));
});
