import { fundsError } from './funds.errors';
import { requirePastDate } from './funds.guards';

/**
 * A collective decision behind a year's allocation is taken in that year or at the end of the
 * year before (budgets are decided ahead), never later than today.
 */
export function requireDecisionOn(decisionOn: string, year: number, today: string): void {
  requirePastDate('decisionOn', decisionOn, today);
  const from = `${year - 1}-01-01`;
  const to = `${year}-12-31`;
  if (decisionOn < from || decisionOn > to) {
    throw fundsError(
      'DECISION_DATE_OUTSIDE_BUDGET_YEAR',
      `a decision on ${decisionOn} cannot allocate ${year} funds (${from} to ${to})`,
      { field: 'decisionOn', decisionOn, year, from, to },
    );
  }
}

/**
 * A year's budget period: from the start of that year (or its decision, when dated and later) to
 * the end of the following year, when the year's accounts are settled.
 */
export function budgetPeriodOf(allocation: { year: number; decisionOn?: string }): {
  from: string;
  to: string;
} {
  const yearStart = `${allocation.year}-01-01`;
  const from =
    allocation.decisionOn !== undefined && allocation.decisionOn > yearStart
      ? allocation.decisionOn
      : yearStart;
  return { from, to: `${allocation.year + 1}-12-31` };
}

/** Money of a year's budget is paid out within its budget period. */
export function requireDisbursementInBudgetPeriod(
  on: string,
  allocation: { year: number; decisionOn?: string },
): void {
  const { from, to } = budgetPeriodOf(allocation);
  if (on < from || on > to) {
    throw fundsError(
      'DISBURSEMENT_OUTSIDE_BUDGET_PERIOD',
      `a disbursement on ${on} lies outside ${from} to ${to} for the ${allocation.year} budget`,
      { field: 'on', on, year: allocation.year, from, to },
    );
  }
}

/**
 * Money of a year's budget is not spent before its budget period starts (the same start as its
 * disbursements). Spending after the period's end is left to what was disbursed by then.
 */
export function requireExpenditureInBudgetPeriod(
  on: string,
  allocation: { year: number; decisionOn?: string },
): void {
  const { from } = budgetPeriodOf(allocation);
  if (on < from) {
    throw fundsError(
      'EXPENDITURE_OUTSIDE_BUDGET_PERIOD',
      `an expenditure on ${on} lies before ${from}, when the ${allocation.year} budget period starts`,
      { field: 'on', on, year: allocation.year, from },
    );
  }
}
