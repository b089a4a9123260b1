import { specFor } from '../shared/decider.spec-helper';
import { MAX_AMOUNT_FEN } from '../shared/money';
import { BudgetCommand } from './budget.commands';
import { budgetDecider } from './budget.decider';
import { BudgetEvent } from './budget.events';

const context = {
  now: '2024-03-01T02:00:00Z',
  today: '2024-03-01',
  actor: { id: 'u1', role: 'admin' },
};
const given = specFor(budgetDecider);
const county = { budgetId: '2024-county_finance', year: 2024, source: 'county_finance' as const };
const openedWith = (amountFen: number): BudgetEvent => ({
  type: 'BudgetOpened',
  data: { ...county, amountFen },
});
const increase = (amountFen: number) =>
  ({
    type: 'IncreaseBudget',
    data: { budgetId: county.budgetId, amountFen, reason: '追加' },
    context,
  }) as BudgetCommand;
const open = (amountFen: number) =>
  ({ type: 'OpenBudget', data: { ...county, amountFen }, context }) as BudgetCommand;

describe('budget amounts stay within the ceiling', () => {
  it('opens a pool up to the ceiling, not above', () => {
    given([])
      .when(open(MAX_AMOUNT_FEN))
      .then([openedWith(MAX_AMOUNT_FEN)]);
    given([])
      .when(open(MAX_AMOUNT_FEN + 1))
      .thenRefuses('INVALID_AMOUNT');
  });

  it('increases up to the ceiling exactly', () => {
    given([openedWith(MAX_AMOUNT_FEN - 5)])
      .when(increase(5))
      .then([
        {
          type: 'BudgetIncreased',
          data: { ...county, amountFen: 5, reason: '追加', poolFen: MAX_AMOUNT_FEN },
        },
      ]);
  });

  it('refuses an increase that would push the pool past the ceiling', () => {
    given([openedWith(MAX_AMOUNT_FEN)])
      .when(increase(1))
      .thenRefuses('TOTAL_CEILING_EXCEEDED');
  });

  it('refuses, never rounds, when a pool recorded before the ceiling is already near 2^53', () => {
    given([openedWith(2 ** 53 - 2)])
      .when(increase(1))
      .thenRefuses('TOTAL_CEILING_EXCEEDED');
  });

  it('refuses a single amount above the ceiling or outside safe integers', () => {
    given([openedWith(0)])
      .when(increase(MAX_AMOUNT_FEN + 1))
      .thenRefuses('INVALID_AMOUNT');
    given([openedWith(0)])
      .when(increase(2 ** 53))
      .thenRefuses('INVALID_AMOUNT');
  });
});
