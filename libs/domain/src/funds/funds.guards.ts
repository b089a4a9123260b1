import { isBusinessDate } from '../shared/business-date';
import { addWithinCeiling, isAmountFen, MAX_AMOUNT_FEN } from '../shared/money';
import { fundsError } from './funds.errors';
import { FundPurpose, FundSource, isFundPurpose, isFundSource } from './funds.types';

/** Integer fen, > 0 (or ≥ 0 with allowZero), up to MAX_AMOUNT_FEN. */
export function requireFen(
  field: string,
  value: number,
  options: { allowZero?: boolean } = {},
): void {
  if (!isAmountFen(value, options.allowZero)) {
    throw fundsError(
      'INVALID_AMOUNT',
      `${field} must be a ${options.allowZero ? 'non-negative' : 'positive'} integer number of fen up to ${MAX_AMOUNT_FEN}`,
      { field, value },
    );
  }
}

/** A total after adding an amount; refused (never rounded) when it would pass the ceiling. */
export function requireTotalWithinCeiling(field: string, total: number, amountFen: number): number {
  const sum = addWithinCeiling(total, amountFen);
  if (sum === undefined) {
    throw fundsError(
      'TOTAL_CEILING_EXCEEDED',
      `${field} would pass ${MAX_AMOUNT_FEN} fen (${total} + ${amountFen})`,
      { field, totalFen: total, amountFen, ceilingFen: MAX_AMOUNT_FEN },
    );
  }
  return sum;
}

export function requireText(field: string, value: string | undefined): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw fundsError('REQUIRED_FIELD_MISSING', `${field} is required`, { field });
  }
}

/** A valid YYYY-MM-DD that is not after today. */
export function requirePastDate(field: string, value: string, today: string): void {
  if (!isBusinessDate(value)) {
    throw fundsError('INVALID_DATE', `${field} must be a date YYYY-MM-DD`, { field, value });
  }
  if (value > today) {
    throw fundsError('DATE_IN_FUTURE', `${field} ${value} is after today ${today}`, {
      field,
      value,
      today,
    });
  }
}

export function requireYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw fundsError('INVALID_YEAR', `year ${year} is not a plausible budget year`, { year });
  }
}

export function requireSource(source: string): asserts source is FundSource {
  if (!isFundSource(source)) {
    throw fundsError('INVALID_FUND_SOURCE', `unknown fund source ${source}`, { source });
  }
}

export function requirePurpose(purpose: string): asserts purpose is FundPurpose {
  if (!isFundPurpose(purpose)) {
    throw fundsError('INVALID_FUND_PURPOSE', `unknown fund purpose ${purpose}`, { purpose });
  }
}
