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
 * Money of a year's budget is paid out from the start of that year (and not before its decision,
 * when dated) to the end of the following year, when the year's accounts are settled.
 */
export function requireDisbursementInBudgetPeriod(
  on: string,
  allocation: { year: number; decisionOn?: string },
): void {
  const yearStart = `${allocation.year}-01-01`;
  const from =
    allocation.decisionOn !== undefined && allocation.decisionOn > yearStart
      ? allocation.decisionOn
      : yearStart;
  const to = `${allocation.year + 1}-12-31`;
  if (on < from || on > to) {
    throw fundsError(
      'DISBURSEMENT_OUTSIDE_BUDGET_PERIOD',
      `a disbursement on ${on} lies outside ${from} to ${to} for the ${allocation.year} budget`,
      { field: 'on', on, year: allocation.year, from, to },
    );
  }
}
